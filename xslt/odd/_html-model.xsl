<?xml version="1.0" encoding="UTF-8"?>
<!--
  Mode odd:model: renders a pure-ODD content model as readable HTML in a compact notation close to
  the RELAX NG compact syntax: "( a, b )" a sequence, "( a | b )" a choice, ?, * and + the
  occurrences, element names linked to their section, macros and datatypes to theirs.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:odd="urn:shifr:odd-compiler"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <xsl:mode name="odd:model" on-no-match="fail"/>

  <xsl:template match="tei:content" mode="odd:model">
    <xsl:call-template name="odd:join">
      <xsl:with-param name="items" select="*"/>
      <xsl:with-param name="separator" select="', '"/>
      <xsl:with-param name="bracket" select="count(*) gt 1"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:sequence | tei:alternate" mode="odd:model">
    <xsl:call-template name="odd:join">
      <xsl:with-param name="items" select="*"/>
      <xsl:with-param name="separator" select="if (self::tei:sequence) then ', ' else ' | '"/>
      <xsl:with-param name="bracket" select="count(*) gt 1 or odd:suffix(.) != ''"/>
    </xsl:call-template>
    <xsl:value-of select="odd:suffix(.)"/>
  </xsl:template>

  <xsl:template match="tei:elementRef" mode="odd:model">
    <a href="#{@key}" class="element">&lt;<xsl:value-of select="@key"/>&gt;</a>
    <xsl:value-of select="odd:suffix(.)"/>
  </xsl:template>

  <xsl:template match="tei:macroRef | tei:dataRef[@key]" mode="odd:model">
    <a href="#{@key}" class="macro"><xsl:value-of select="@key"/></a>
    <xsl:value-of select="odd:suffix(.)"/>
  </xsl:template>

  <xsl:template match="tei:dataRef[@name]" mode="odd:model">
    <span class="datatype">xsd:<xsl:value-of select="@name"/></span>
    <xsl:for-each select="tei:dataFacet"> { <xsl:value-of select="@name"/> = "<xsl:value-of select="@value"/>" }</xsl:for-each>
  </xsl:template>

  <xsl:template match="tei:textNode" mode="odd:model"><span class="text">text</span></xsl:template>
  <xsl:template match="tei:empty" mode="odd:model"><span class="empty">empty</span></xsl:template>

  <xsl:template match="tei:valList" mode="odd:model">
    <xsl:for-each select="tei:valItem">
      <xsl:if test="position() gt 1"> | </xsl:if>
      <code>"<xsl:value-of select="@ident"/>"</code>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="odd:join">
    <xsl:param name="items" as="element()*"/>
    <xsl:param name="separator" as="xs:string"/>
    <xsl:param name="bracket" as="xs:boolean"/>
    <xsl:if test="$bracket">( </xsl:if>
    <xsl:for-each select="$items">
      <xsl:if test="position() gt 1"><xsl:value-of select="$separator"/></xsl:if>
      <xsl:apply-templates select="." mode="odd:model"/>
    </xsl:for-each>
    <xsl:if test="$bracket"> )</xsl:if>
  </xsl:template>

  <xsl:function name="odd:suffix" as="xs:string">
    <xsl:param name="particle" as="element()"/>
    <xsl:variable name="min" select="odd:min($particle)"/>
    <xsl:variable name="max" select="odd:max($particle)"/>
    <xsl:sequence select="if ($min eq 0 and $max eq 1) then '?' else if ($min eq 0) then '*' else if ($max eq -1) then '+' else ''"/>
  </xsl:function>

</xsl:stylesheet>
