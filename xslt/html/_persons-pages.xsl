<?xml version="1.0" encoding="UTF-8"?>
<!--
  persons/index.html and persons/<id>.html: every person of the authority file (and any person a
  telegram points to that the file lacks), each with every name form — main names, pseudonyms,
  case forms as they occur in the Russian text — and the telegrams that mention them.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:pub="urn:shifr:publish"
  exclude-result-prefixes="#all">

  <xsl:variable name="pub:name-form-labels" as="map(xs:string, xs:string)"
    select="map{'main':'Names', 'pseudonym':'Pseudonyms', 'variant':'Other forms'}"/>

  <xsl:template name="pub:persons-pages">
    <xsl:variable name="mentions" as="map(xs:string, map(*)*)">
      <xsl:map>
        <xsl:for-each-group select="$pub:records" group-by="?persons?*">
          <xsl:map-entry key="string(current-grouping-key())" select="current-group()"/>
        </xsl:for-each-group>
      </xsl:map>
    </xsl:variable>
    <xsl:variable name="ids" select="distinct-values(($persons//tei:person/@xml:id ! string(.), map:keys($mentions)))"
      xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
    <xsl:variable name="sorted" select="sort($ids, (), function($id) { pub:person-name($id, $id) })"/>
    <xsl:result-document href="persons/index.html" format="page">
      <xsl:call-template name="pub:page">
        <xsl:with-param name="title" select="'Persons'"/>
        <xsl:with-param name="root" select="'../'"/>
        <xsl:with-param name="current" select="'persons'"/>
        <xsl:with-param name="content" as="node()*">
          <h1>Persons</h1>
          <p class="lead">Everyone named in the telegrams, under the name they are known by, with the pseudonyms and forms used in the texts.</p>
          <ul class="entity-index">
            <xsl:for-each select="$sorted">
              <xsl:variable name="p" select="pub:person(.)"/>
              <li id="{.}">
                <a href="{encode-for-uri(.)}.html"><xsl:value-of select="pub:person-name(., .)"/></a>
                <xsl:for-each select="$p/tei:persName[@type = 'pseudonym']">
                  <xsl:if test="position() = 1"> — pseudonym </xsl:if>
                  <xsl:if test="position() gt 1">, </xsl:if>
                  <span class="name-form">
                    <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
                    <xsl:value-of select="normalize-space(.)"/>
                  </span>
                </xsl:for-each>
                <span class="count"> (<xsl:value-of select="count($mentions(.))"/>)</span>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:result-document>
    <xsl:for-each select="$ids">
      <xsl:call-template name="pub:person-page">
        <xsl:with-param name="id" select="."/>
        <xsl:with-param name="records" select="$mentions(.)"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="pub:person-page">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="records" as="map(*)*"/>
    <xsl:variable name="p" select="pub:person($id)"/>
    <xsl:variable name="name" select="pub:person-name($id, $id)"/>
    <xsl:result-document href="persons/{encode-for-uri($id)}.html" format="page">
      <xsl:call-template name="pub:page">
        <xsl:with-param name="title" select="$name"/>
        <xsl:with-param name="root" select="'../'"/>
        <xsl:with-param name="current" select="'persons'"/>
        <xsl:with-param name="content" as="node()*">
          <article class="entity" id="{$id}">
            <h1><xsl:value-of select="$name"/></h1>
            <xsl:if test="$p/tei:persName">
              <dl class="name-forms">
                <xsl:for-each-group select="$p/tei:persName" group-by="(@type, 'variant')[1]">
                  <dt><xsl:value-of select="($pub:name-form-labels(current-grouping-key()), current-grouping-key())[1]"/></dt>
                  <dd>
                    <xsl:for-each select="current-group()">
                      <xsl:if test="position() gt 1">, </xsl:if>
                      <span class="name-form">
                        <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
                        <xsl:value-of select="normalize-space(.)"/>
                      </span>
                    </xsl:for-each>
                  </dd>
                </xsl:for-each-group>
              </dl>
            </xsl:if>
            <xsl:variable name="wrote" select="$records[?from?* ! ?ref = $id]"/>
            <xsl:variable name="received" select="$records[?to?* ! ?ref = $id]"/>
            <p class="tally">
              <xsl:value-of select="count($records)"/> telegram<xsl:if test="count($records) ne 1">s</xsl:if> mention
              <xsl:value-of select="if (count($records) eq 1) then 'this person' else 'this person'"/>;
              <xsl:value-of select="count($wrote)"/> sent, <xsl:value-of select="count($received)"/> received.
            </p>
            <h2>Telegrams</h2>
            <ol class="record-list">
              <xsl:for-each select="$records">
                <xsl:call-template name="pub:record-line">
                  <xsl:with-param name="record" select="."/>
                  <xsl:with-param name="root" select="'../'"/>
                </xsl:call-template>
              </xsl:for-each>
            </ol>
          </article>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:result-document>
  </xsl:template>
</xsl:stylesheet>
