<?xml version="1.0" encoding="UTF-8"?>
<!--
  One TEI telegram → its record (a map, serialized as JSON), the little that the pages built from
  the whole edition need — persons and places mentioned, correspondence, its row in the index and
  its line in a person's list (already HTML) — and the text of each language for the search index.
  Records are cached per telegram, so a rebuild after one edit transforms one telegram and
  reassembles the edition pages from the cache. telegram.xsl writes it as a secondary result, so
  that page and record come from one transform (SaxonJS: ~10 % less CPU than a transform each).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:pub="urn:shifr:publish"
  exclude-result-prefixes="#all">

  <xsl:mode name="pub:record" on-no-match="fail" on-multiple-match="fail"/>

  <!-- A correspondent: authority id (or '') and the label every page shows. -->
  <xsl:function name="pub:parties" as="array(*)">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:sequence select="array{ $tei/tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction[@type = $type]/(tei:persName | tei:orgName)
                                 ! map{'ref': pub:ref-id(@ref), 'label': pub:person-label(.)} }"/>
  </xsl:function>

  <xsl:template match="tei:TEI" mode="pub:record">
    <xsl:variable name="h" select="tei:teiHeader"/>
    <xsl:variable name="when" select="pub:telegram-date(.)"/>
    <xsl:variable name="ms" select="$h/tei:fileDesc/tei:sourceDesc/tei:msDesc/tei:msIdentifier[tei:repository]"/>
    <xsl:variable name="sent" select="$h/tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'sent']"/>
    <xsl:variable name="record" as="map(*)" select="map{
      'id': string(@xml:id),
      'title': pub:title(.),
      'when': $when,
      'year': if (matches($when, '^\d{4}')) then substring($when, 1, 4) else '',
      'date': pub:display-date($when),
      'doctype': pub:doctype(.),
      'from': pub:parties(., 'sent'),
      'to': pub:parties(., 'received'),
      'via': pub:parties(., 'transmitted'),
      'fromPlace': string(($sent/tei:placeName ! pub:place-name(pub:ref-id(@ref), .))[1]),
      'archive': string(($ms ! pub:archival-reference(.))[1]),
      'summary': normalize-space(($h/tei:fileDesc/tei:sourceDesc/tei:msDesc/tei:msContents/tei:summary, $h/tei:profileDesc/tei:abstract)[1]),
      'persons': array{ distinct-values(.//tei:persName/@ref ! pub:ref-id(.))[. != ''] },
      'places': array{ distinct-values(.//tei:placeName/@ref ! pub:ref-id(.))[. != ''] },
      'text': map:merge(
          for $lang in distinct-values(tei:text/tei:body/tei:div/@xml:lang)
          return map{ string($lang): normalize-space(string-join(tei:text/tei:body/tei:div[@xml:lang = $lang] ! string(.), ' ')) })
    }" xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
    <xsl:variable name="row" as="element()">
      <xsl:call-template name="pub:index-row"><xsl:with-param name="record" select="$record"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="line" as="element()">
      <xsl:call-template name="pub:record-line">
        <xsl:with-param name="record" select="$record"/>
        <xsl:with-param name="root" select="'../'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="html" select="map{'method': 'html', 'html-version': 5.0, 'indent': false()}"/>
    <xsl:sequence select="map:merge(($record, map{'row': serialize($row, $html), 'line': serialize($line, $html)}))"
      xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
  </xsl:template>
</xsl:stylesheet>
