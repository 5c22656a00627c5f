<?xml version="1.0" encoding="UTF-8"?>
<!--
  The edition as records (see record.xsl), parsed once and sorted by date, and the small helpers
  the edition pages share to show a record.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:pub="urn:shifr:publish"
  exclude-result-prefixes="#all">

  <!-- Chronological, undated telegrams last, ties broken by id so the order is stable. -->
  <xsl:variable name="pub:records" as="map(*)*"
    select="sort(parse-json($records-json)?*, (), function($r) { (if ($r?when = '') then '9999' else $r?when), $r?id })"/>

  <!-- "Filippov (Joseph Stalin)" for a record's party list -->
  <xsl:function name="pub:labels" as="xs:string">
    <xsl:param name="parties" as="array(*)?"/>
    <xsl:sequence select="string-join($parties?* ! ?label, ', ')"/>
  </xsl:function>

  <!-- A telegram as one line of a list: date, linked title, sender → addressee. -->
  <xsl:template name="pub:record-line">
    <xsl:param name="record" as="map(*)"/>
    <xsl:param name="root" as="xs:string"/>
    <li>
      <xsl:if test="$record?when != ''">
        <time datetime="{$record?when}"><xsl:value-of select="$record?date"/></time>
        <xsl:text> — </xsl:text>
      </xsl:if>
      <a href="{$root}telegrams/{encode-for-uri($record?id)}.html"><xsl:value-of select="$record?title"/></a>
      <xsl:if test="array:size($record?from) + array:size($record?to) gt 0" xmlns:array="http://www.w3.org/2005/xpath-functions/array">
        <span class="parties"> (<xsl:value-of select="pub:labels($record?from)"/> → <xsl:value-of select="pub:labels($record?to)"/>)</span>
      </xsl:if>
    </li>
  </xsl:template>
</xsl:stylesheet>
