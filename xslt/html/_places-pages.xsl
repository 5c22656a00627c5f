<?xml version="1.0" encoding="UTF-8"?>
<!--
  places/index.html and places/<id>.html: every place of the authority file (and any place a
  telegram points to that the file lacks), with its names, coordinates where known, and the
  telegrams that mention it.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:pub="urn:shifr:publish"
  exclude-result-prefixes="#all">

  <xsl:template name="pub:places-pages">
    <xsl:variable name="mentions" as="map(*)" select="$pub:edition?places"/>
    <xsl:variable name="ids" select="distinct-values(($places//tei:place/@xml:id ! string(.), map:keys($mentions)))"
      xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
    <xsl:result-document href="places/index.html" format="page">
      <xsl:call-template name="pub:page">
        <xsl:with-param name="title" select="'Places'"/>
        <xsl:with-param name="root" select="'../'"/>
        <xsl:with-param name="current" select="'places'"/>
        <xsl:with-param name="content" as="node()*">
          <h1>Places</h1>
          <p class="lead">Places named in the telegrams, with the Russian forms used in the texts.</p>
          <ul class="entity-index">
            <xsl:for-each select="sort($ids, (), function($id) { pub:place-name($id, $id) })">
              <xsl:variable name="p" select="pub:place(.)"/>
              <li id="{.}">
                <a href="{encode-for-uri(.)}.html"><xsl:value-of select="pub:place-name(., .)"/></a>
                <xsl:for-each select="$p/tei:placeName[not(@xml:lang = 'en')]">
                  <xsl:text> · </xsl:text>
                  <span class="name-form">
                    <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
                    <xsl:value-of select="normalize-space(.)"/>
                  </span>
                </xsl:for-each>
                <span class="count"> (<xsl:value-of select="($mentions(.), 0)[1]"/>)</span>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:result-document>
    <xsl:for-each select="if ($all-entity-pages) then $ids else $ids[. = $place-pages]">
      <xsl:variable name="id" select="."/>
      <xsl:variable name="p" select="pub:place($id)"/>
      <xsl:result-document href="places/{encode-for-uri($id)}.html" format="page">
        <xsl:call-template name="pub:page">
          <xsl:with-param name="title" select="pub:place-name($id, $id)"/>
          <xsl:with-param name="root" select="'../'"/>
          <xsl:with-param name="current" select="'places'"/>
          <xsl:with-param name="content" as="node()*">
            <article class="entity" id="{$id}">
              <h1><xsl:value-of select="pub:place-name($id, $id)"/></h1>
              <dl class="name-forms">
                <xsl:if test="$p/tei:placeName">
                  <dt>Names</dt>
                  <dd>
                    <xsl:for-each select="$p/tei:placeName">
                      <xsl:if test="position() gt 1">, </xsl:if>
                      <span class="name-form">
                        <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
                        <xsl:value-of select="normalize-space(.)"/>
                      </span>
                    </xsl:for-each>
                  </dd>
                </xsl:if>
                <xsl:for-each select="$p/tei:location/tei:geo[normalize-space()]">
                  <dt>Coordinates</dt>
                  <dd><xsl:value-of select="normalize-space(.)"/></dd>
                </xsl:for-each>
              </dl>
              <xsl:call-template name="pub:entity-notes"><xsl:with-param name="entity" select="$p"/></xsl:call-template>
              <h2>Telegrams</h2>
              <!-- the telegrams naming this place, in date order (_records.xsl) -->
              <ol class="record-list"><xsl:comment select="$pub:lines-slot"/></ol>
            </article>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:result-document>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
