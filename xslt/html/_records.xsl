<?xml version="1.0" encoding="UTF-8"?>
<!--
  A telegram as it appears in the edition's lists: a row of the index table and a line of a
  person's or place's list. They are rendered once per telegram, by telegram.xsl (_record.xsl) with its page,
  and cached; the edition pages are shells (site.xsl) into which the publish step sets the cached
  rows in order. So the lists of a 10,000-telegram edition cost no transform after an edit.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:pub="urn:shifr:publish"
  xmlns:array="http://www.w3.org/2005/xpath-functions/array"
  exclude-result-prefixes="#all">

  <!-- Where the publish step puts the rows and lines (an XML comment, so a shell is valid HTML). -->
  <xsl:variable name="pub:rows-slot" as="xs:string" select="'shifr:rows'"/>
  <xsl:variable name="pub:lines-slot" as="xs:string" select="'shifr:lines'"/>

  <!-- "Filippov (Joseph Stalin)" for a record's party list -->
  <xsl:function name="pub:labels" as="xs:string">
    <xsl:param name="parties" as="array(*)?"/>
    <xsl:sequence select="string-join($parties?* ! ?label, ', ')"/>
  </xsl:function>

  <!-- The index row; the data attributes drive the filters of assets/list.js. -->
  <xsl:template name="pub:index-row">
    <xsl:param name="record" as="map(*)"/>
    <tr data-when="{$record?when}" data-year="{$record?year}"
        data-correspondents="{string-join(distinct-values(($record?from?*, $record?to?*, $record?via?*) ! ?ref[. != '']), ' ')}">
      <td class="date">
        <xsl:if test="$record?when != ''"><time datetime="{$record?when}"><xsl:value-of select="$record?date"/></time></xsl:if>
      </td>
      <td class="title"><a href="telegrams/{encode-for-uri($record?id)}.html"><xsl:value-of select="$record?title"/></a></td>
      <td class="parties">
        <xsl:value-of select="pub:labels($record?from)"/>
        <xsl:if test="$record?fromPlace != ''"> (<xsl:value-of select="$record?fromPlace"/>)</xsl:if>
        <xsl:text> → </xsl:text>
        <xsl:value-of select="pub:labels($record?to)"/>
      </td>
      <td class="archive"><xsl:value-of select="$record?archive"/></td>
    </tr>
  </xsl:template>

  <!-- A line of a person's or place's list: date, linked title, sender → addressee. -->
  <xsl:template name="pub:record-line">
    <xsl:param name="record" as="map(*)"/>
    <xsl:param name="root" as="xs:string"/>
    <li>
      <xsl:if test="$record?when != ''">
        <time datetime="{$record?when}"><xsl:value-of select="$record?date"/></time>
        <xsl:text> — </xsl:text>
      </xsl:if>
      <a href="{$root}telegrams/{encode-for-uri($record?id)}.html"><xsl:value-of select="$record?title"/></a>
      <xsl:if test="array:size($record?from) + array:size($record?to) gt 0">
        <span class="parties"> (<xsl:value-of select="pub:labels($record?from)"/> → <xsl:value-of select="pub:labels($record?to)"/>)</span>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- The edition's figures, computed by the publish step from all records (see src/publish/edition.ts). -->
  <xsl:variable name="pub:edition" as="map(*)" select="parse-json($edition-json)"/>
</xsl:stylesheet>
