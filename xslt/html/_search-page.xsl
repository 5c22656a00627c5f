<?xml version="1.0" encoding="UTF-8"?>
<!--
  search/index.html: full-text search over both languages with pagefind. The Russian and the
  English texts are separate pagefind bundles (pagefind/ru, pagefind/en), each stemmed by its own
  language; assets/search.js queries both and merges the results. pagefind loads its index with
  fetch, which browsers refuse on file://: the page says so instead of failing silently.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:pub="urn:shifr:publish"
  exclude-result-prefixes="#all">

  <xsl:template name="pub:search-page">
    <xsl:result-document href="search/index.html" format="page">
      <xsl:call-template name="pub:page">
        <xsl:with-param name="title" select="'Search'"/>
        <xsl:with-param name="root" select="'../'"/>
        <xsl:with-param name="current" select="'search'"/>
        <xsl:with-param name="scripts" select="('search/bundles.js', 'assets/search.js')"/>
        <xsl:with-param name="content" as="node()*">
          <h1>Search</h1>
          <p class="lead">Search the Russian originals and the English translations at once. Words are matched in any grammatical form: <span lang="ru">Сталина</span> finds <span lang="ru">Сталину</span>.</p>
          <form class="search-form" id="search-form" role="search">
            <div class="control wide">
              <label for="search-query">Words to find</label>
              <input type="search" id="search-query" name="q" autocomplete="off"/>
            </div>
            <div class="control">
              <label for="search-correspondent">Correspondent</label>
              <select id="search-correspondent" name="correspondent"><option value="">Anyone</option></select>
            </div>
            <div class="control">
              <label for="search-year">Year</label>
              <select id="search-year" name="year"><option value="">Any year</option></select>
            </div>
            <button type="submit">Search</button>
          </form>
          <p id="search-status" role="status" aria-live="polite">
            <noscript>Search needs JavaScript. The list of telegrams, persons and places works without it.</noscript>
          </p>
          <ol id="search-results" class="search-results"></ol>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:result-document>
  </xsl:template>
</xsl:stylesheet>
