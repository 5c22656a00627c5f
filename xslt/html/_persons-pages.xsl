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
    <xsl:variable name="mentions" as="map(*)" select="$pub:edition?persons"/>
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
                <span class="count"> (<xsl:value-of select="($mentions(.), 0)[1]"/>)</span>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:result-document>
    <xsl:for-each select="if ($all-entity-pages) then $ids else $ids[. = $person-pages]">
      <xsl:call-template name="pub:person-page">
        <xsl:with-param name="id" select="."/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="pub:person-page">
    <xsl:param name="id" as="xs:string"/>
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
            <xsl:call-template name="pub:entity-notes"><xsl:with-param name="entity" select="$p"/></xsl:call-template>
            <xsl:variable name="count" select="($pub:edition?persons($id), 0)[1]"/>
            <xsl:variable name="wrote" select="($pub:edition?sent($id), 0)[1]"/>
            <xsl:variable name="received" select="($pub:edition?received($id), 0)[1]"/>
            <p class="tally">
              <xsl:value-of select="$count"/> telegram<xsl:value-of select="if ($count eq 1) then ' mentions' else 's mention'"/> this person;
              <xsl:value-of select="$wrote"/> sent, <xsl:value-of select="$received"/> received<xsl:if test="$wrote + $received gt 0">
              (<a href="../index.html?correspondent={encode-for-uri($id)}">show them in the list of telegrams</a>)</xsl:if>.
            </p>
            <h2>Telegrams</h2>
            <!-- the telegrams naming this person, in date order (_records.xsl) -->
            <ol class="record-list"><xsl:comment select="$pub:lines-slot"/></ol>
          </article>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:result-document>
  </xsl:template>
</xsl:stylesheet>
