<?xml version="1.0" encoding="UTF-8"?>
<!--
  The head of a telegram page: what a historian checks before reading — who wrote to whom, when
  and where, the archival citation per archive, the telegram numbers and where each was read,
  the translators, the summary, and the way back to the source page and to the TEI file.
  Everything comes from the teiHeader; the text itself is _text.xsl's concern.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:pub="urn:shifr:publish"
  exclude-result-prefixes="#all">

  <xsl:mode name="pub:header" on-no-match="fail" on-multiple-match="fail"/>

  <!-- where a telegram number was read (msItem/idno/@source) -->
  <xsl:variable name="pub:number-sources" as="map(xs:string, xs:string)"
    select="map{'#title':'in the title', '#original':'in the original', '#translation':'in the translation'}"/>

  <!-- The date a telegram is filed under: sent, else any correspondence date, else the source's. -->
  <xsl:function name="pub:telegram-date" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="cd" select="$tei/tei:teiHeader/tei:profileDesc/tei:correspDesc"/>
    <xsl:sequence select="string(($cd/tei:correspAction[@type = 'sent']/tei:date/@when, $cd//tei:date/@when,
                                  $tei/tei:teiHeader//tei:bibl[@type = 'wcda']/tei:date[not(@type)]/@when, '')[1])"/>
  </xsl:function>

  <xsl:function name="pub:title" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="ts" select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt"/>
    <xsl:sequence select="normalize-space(($ts/tei:title[@type = 'main'], $ts/tei:title, 'Untitled telegram')[1])"/>
  </xsl:function>

  <xsl:function name="pub:doctype" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="normalize-space(($tei/tei:teiHeader/tei:profileDesc/tei:textClass/tei:keywords/tei:term, 'telegram')[1])"/>
  </xsl:function>

  <!-- Labels of the people in one correspondence action, in order: "Filippov (Joseph Stalin)". -->
  <xsl:function name="pub:party-labels" as="xs:string*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction[@type = $type]/(tei:persName | tei:orgName | tei:name) ! pub:person-label(.)"/>
  </xsl:function>

  <xsl:template match="tei:TEI" mode="pub:header">
    <xsl:variable name="h" select="tei:teiHeader"/>
    <xsl:variable name="when" select="pub:telegram-date(.)"/>
    <xsl:variable name="cd" select="$h/tei:profileDesc/tei:correspDesc"/>
    <header class="telegram-header">
      <p class="kicker">
        <span class="doctype"><xsl:value-of select="pub:doctype(.)"/></span>
        <xsl:if test="$when != ''">
          <xsl:text> · </xsl:text>
          <time datetime="{$when}"><xsl:value-of select="pub:display-date($when)"/></time>
        </xsl:if>
      </p>
      <h1><xsl:value-of select="pub:title(.)"/></h1>
      <xsl:if test="$cd">
        <p class="correspondents">
          <xsl:apply-templates select="$cd/tei:correspAction[@type = 'sent']" mode="pub:header"/>
          <xsl:for-each select="$cd/tei:correspAction[@type = 'transmitted']">
            <span class="arrow" aria-hidden="true"> → </span>
            <span class="visually-hidden"> via </span>
            <xsl:apply-templates select="." mode="pub:header"/>
          </xsl:for-each>
          <span class="arrow" aria-hidden="true"> → </span>
          <span class="visually-hidden"> to </span>
          <xsl:apply-templates select="$cd/tei:correspAction[@type = 'received']" mode="pub:header"/>
        </p>
      </xsl:if>
      <dl class="facts">
        <xsl:apply-templates select="$h/tei:fileDesc/tei:sourceDesc/tei:msDesc/tei:msIdentifier[tei:repository]" mode="pub:header"/>
        <xsl:apply-templates select="$h/tei:fileDesc/tei:sourceDesc/tei:msDesc/tei:msContents/tei:msItem[tei:idno[@type = 'telegram']]" mode="pub:header"/>
        <xsl:apply-templates select="$h/tei:fileDesc/tei:titleStmt/tei:respStmt" mode="pub:header"/>
        <xsl:if test="$h/tei:profileDesc/tei:langUsage/tei:language">
          <dt>Languages</dt>
          <dd><xsl:value-of select="string-join($h/tei:profileDesc/tei:langUsage/tei:language ! normalize-space(.), ', ')"/></dd>
        </xsl:if>
        <xsl:apply-templates select="$h/tei:fileDesc/tei:sourceDesc/tei:bibl[@type = 'reprint']" mode="pub:header"/>
        <dt>Source</dt>
        <dd>
          <xsl:variable name="bibl" select="$h/tei:fileDesc/tei:sourceDesc/tei:bibl[@type = 'wcda']"/>
          <xsl:variable name="href" select="($bibl/tei:ptr/@target ! pub:safe-href(., $pub:root))[starts-with(., 'http')][1]"/>
          <xsl:variable name="label" select="'Wilson Center Digital Archive' || ($bibl/tei:idno[@type = 'wcda'] ! (', record ' || normalize-space(.)))"/>
          <xsl:choose>
            <xsl:when test="exists($href)"><a href="{$href}"><xsl:value-of select="$label"/></a></xsl:when>
            <xsl:otherwise><xsl:value-of select="$label"/></xsl:otherwise>
          </xsl:choose>
          <xsl:text> · </xsl:text>
          <a href="{$pub:root}tei/{encode-for-uri(@xml:id)}.xml" type="application/tei+xml">TEI P5 file</a>
        </dd>
      </dl>
      <!-- The archive's summary; on a page with no archival description the encoder keeps it in profileDesc/abstract. -->
      <xsl:apply-templates select="($h/tei:fileDesc/tei:sourceDesc/tei:msDesc/tei:msContents/tei:summary, $h/tei:profileDesc/tei:abstract)[1]" mode="pub:header"/>
    </header>
  </xsl:template>

  <!-- One party: people linked to their index pages, then the place in parentheses. -->
  <xsl:template match="tei:correspAction" mode="pub:header">
    <span class="party party-{pub:class-token(@type)}">
      <xsl:for-each select="tei:persName | tei:orgName | tei:name">
        <xsl:if test="position() gt 1">, </xsl:if>
        <xsl:variable name="id" select="pub:ref-id(@ref)"/>
        <xsl:choose>
          <xsl:when test="self::tei:persName and $id != ''">
            <a class="person" href="{pub:person-href($id, $pub:root)}"><xsl:value-of select="pub:person-label(.)"/></a>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <xsl:for-each select="tei:placeName">
        <xsl:text> (</xsl:text>
        <xsl:variable name="id" select="pub:ref-id(@ref)"/>
        <xsl:choose>
          <xsl:when test="$id != ''"><a class="place" href="{pub:place-href($id, $pub:root)}"><xsl:value-of select="pub:place-name($id, .)"/></a></xsl:when>
          <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
        </xsl:choose>
        <xsl:text>)</xsl:text>
      </xsl:for-each>
    </span>
  </xsl:template>

  <!-- The archival citation: one line per archive holding a copy. -->
  <xsl:template match="tei:msIdentifier" mode="pub:header">
    <dt>Archival reference</dt>
    <xsl:for-each select=". | tei:altIdentifier">
      <dd class="archival">
        <xsl:variable name="full" select="pub:archive-name(tei:repository/@ref)"/>
        <xsl:choose>
          <xsl:when test="$full != ''"><abbr title="{$full}"><xsl:value-of select="normalize-space(tei:repository)"/></abbr></xsl:when>
          <xsl:otherwise><xsl:value-of select="normalize-space(tei:repository)"/></xsl:otherwise>
        </xsl:choose>
        <xsl:for-each select="tei:idno[@type = 'archival']/tei:idno">
          <xsl:text>, </xsl:text>
          <span class="{pub:class-token(@type)}">
            <xsl:value-of select="($pub:archival-labels(string(@type)), string(@type))[1]"/>
            <xsl:text> </xsl:text>
            <xsl:value-of select="pub:number-range(normalize-space(.))"/>
          </span>
        </xsl:for-each>
      </dd>
    </xsl:for-each>
  </xsl:template>

  <!-- Telegram numbers, each with where it was read, since the original and the translation
       often carry different numbers (sender's outgoing, receiving office's incoming). -->
  <xsl:template match="tei:msItem" mode="pub:header">
    <dt>Telegram numbers</dt>
    <dd>
      <ul class="numbers">
        <xsl:for-each select="tei:idno[@type = 'telegram']">
          <li>
            <span class="number">No. <xsl:value-of select="normalize-space(.)"/></span>
            <xsl:text> </xsl:text>
            <span class="source">(<xsl:value-of select="string-join(((@subtype, 'number')[1], $pub:number-sources(string(@source))), ', ')"/>)</span>
          </li>
        </xsl:for-each>
      </ul>
    </dd>
  </xsl:template>

  <xsl:template match="tei:respStmt" mode="pub:header">
    <dt><xsl:value-of select="normalize-space(tei:resp)"/></dt>
    <dd><xsl:value-of select="string-join((tei:persName | tei:name | tei:orgName) ! normalize-space(.), ', ')"/></dd>
  </xsl:template>

  <xsl:template match="tei:bibl" mode="pub:header">
    <dt>Published in</dt>
    <dd><xsl:apply-templates mode="pub:inline"/></dd>
  </xsl:template>

  <xsl:template match="tei:summary | tei:abstract" mode="pub:header">
    <section class="summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Summary</h2>
      <xsl:for-each select="if (self::tei:abstract) then tei:p else .">
        <p><xsl:apply-templates mode="pub:inline"/></p>
      </xsl:for-each>
    </section>
  </xsl:template>
</xsl:stylesheet>
