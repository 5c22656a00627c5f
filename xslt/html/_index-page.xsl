<?xml version="1.0" encoding="UTF-8"?>
<!--
  index.html: every telegram in chronological order, as a table a reader can sort and filter by
  correspondent and year. The filtering is a small script over data attributes (assets/list.js),
  so it works from file:// without a server; without script the full list is shown.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:pub="urn:shifr:publish"
  exclude-result-prefixes="#all">

  <xsl:template name="pub:index-page">
    <xsl:variable name="root" select="''"/>
    <xsl:call-template name="pub:page">
      <xsl:with-param name="title" select="'Telegrams'"/>
      <xsl:with-param name="root" select="$root"/>
      <xsl:with-param name="current" select="'telegrams'"/>
      <xsl:with-param name="scripts" select="'assets/list.js'"/>
      <xsl:with-param name="content" as="node()*">
        <h1>Telegrams</h1>
        <p class="lead"><xsl:value-of select="$pub:edition?count"/> Soviet ciphered telegrams and related documents, in Russian with English translation, in the order they were sent.</p>
        <form class="list-controls" id="list-controls" hidden="">
          <div class="control">
            <label for="filter-correspondent">Correspondent</label>
            <select id="filter-correspondent" name="correspondent">
              <option value="">Anyone</option>
              <xsl:for-each select="sort($pub:edition?correspondents?*, (), function($p) { pub:person-name($p?ref, $p?label) })">
                <option value="{?ref}"><xsl:value-of select="pub:person-name(?ref, ?label)"/></option>
              </xsl:for-each>
            </select>
          </div>
          <div class="control">
            <label for="filter-year">Year</label>
            <select id="filter-year" name="year">
              <option value="">Any year</option>
              <xsl:for-each select="$pub:edition?years?*">
                <option value="{.}"><xsl:value-of select="."/></option>
              </xsl:for-each>
            </select>
          </div>
          <div class="control">
            <label for="sort-order">Order</label>
            <select id="sort-order" name="order">
              <option value="date">Oldest first</option>
              <option value="date-desc">Newest first</option>
              <option value="title">By title</option>
            </select>
          </div>
          <button type="submit">Apply</button>
          <p class="count" id="list-count" role="status" aria-live="polite"></p>
        </form>
        <table class="telegram-list" id="telegram-list">
          <caption class="visually-hidden">All telegrams, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Telegram</th>
              <th scope="col">From → To</th>
              <th scope="col">Archive</th>
            </tr>
          </thead>
          <!-- the rows, one per telegram in date order (_records.xsl) -->
          <tbody><xsl:comment select="$pub:rows-slot"/></tbody>
        </table>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
