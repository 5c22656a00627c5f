<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry stylesheet: the pages made from the whole edition — the list of telegrams (the principal
  result, index.html), persons, places, the correspondence overview and the search page (as
  result documents). Its input is the edition's figures computed from every telegram's record, not
  the TEI files, and the lists are left as slots for the rows _record.xsl rendered per telegram:
  so after an edit to one telegram it runs in about the same time for 10 or 10,000 telegrams.
  Started with the initial template pub:site.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:pub="urn:shifr:publish"
  exclude-result-prefixes="#all">

  <xsl:include href="_params.xsl"/>
  <xsl:include href="_links.xsl"/>
  <xsl:include href="_authority.xsl"/>
  <xsl:include href="_page.xsl"/>
  <xsl:include href="_records.xsl"/>
  <xsl:include href="_index-page.xsl"/>
  <xsl:include href="_persons-pages.xsl"/>
  <xsl:include href="_places-pages.xsl"/>
  <xsl:include href="_correspondence-page.xsl"/>
  <xsl:include href="_search-page.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" include-content-type="no" indent="no"/>
  <xsl:output name="page" method="html" html-version="5" encoding="UTF-8" include-content-type="no" indent="no"/>

  <xsl:template name="pub:site">
    <xsl:call-template name="pub:persons-pages"/>
    <xsl:call-template name="pub:places-pages"/>
    <xsl:call-template name="pub:correspondence-page"/>
    <xsl:call-template name="pub:search-page"/>
    <xsl:call-template name="pub:index-page"/>
  </xsl:template>
</xsl:stylesheet>
