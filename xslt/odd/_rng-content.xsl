<?xml version="1.0" encoding="UTF-8"?>
<!--
  Modes of the ODD to RELAX NG compiler.
  odd:define   one rng:define per elementSpec / macroSpec / dataSpec;
  odd:pattern  a pure-ODD content particle (or datatype) to the RELAX NG pattern it means,
               wrapped in optional / zeroOrMore / oneOrMore by its minOccurs and maxOccurs;
  odd:attribute an attDef to an rng:attribute (optional unless usage="req").
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns="http://relaxng.org/ns/structure/1.0"
  xmlns:a="http://relaxng.org/ns/compatibility/annotations/1.0"
  xmlns:odd="urn:shifr:odd-compiler"
  exclude-result-prefixes="#all">

  <xsl:mode name="odd:define" on-no-match="fail"/>
  <xsl:mode name="odd:pattern" on-no-match="fail"/>
  <xsl:mode name="odd:attribute" on-no-match="fail"/>

  <xsl:template match="tei:elementSpec" mode="odd:define">
    <define name="{@ident}">
      <element name="{@ident}">
        <xsl:if test="odd:documentation(.) != ''">
          <a:documentation><xsl:value-of select="odd:documentation(.)"/></a:documentation>
        </xsl:if>
        <xsl:apply-templates select="tei:content" mode="odd:pattern"/>
        <xsl:apply-templates select="tei:attList/tei:attDef" mode="odd:attribute"/>
      </element>
    </define>
  </xsl:template>

  <xsl:template match="tei:macroSpec | tei:dataSpec" mode="odd:define">
    <define name="{@ident}">
      <xsl:if test="odd:documentation(.) != ''">
        <a:documentation><xsl:value-of select="odd:documentation(.)"/></a:documentation>
      </xsl:if>
      <xsl:apply-templates select="tei:content" mode="odd:pattern"/>
    </define>
  </xsl:template>

  <!-- content holds one particle; several are a sequence. -->
  <xsl:template match="tei:content" mode="odd:pattern">
    <xsl:choose>
      <xsl:when test="count(*) eq 1"><xsl:apply-templates select="*" mode="odd:pattern"/></xsl:when>
      <xsl:otherwise><group><xsl:apply-templates select="*" mode="odd:pattern"/></group></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:sequence" mode="odd:pattern">
    <xsl:call-template name="odd:occurs">
      <xsl:with-param name="pattern" as="element()">
        <xsl:choose>
          <xsl:when test="count(*) eq 1"><xsl:apply-templates select="*" mode="odd:pattern"/></xsl:when>
          <xsl:otherwise><group><xsl:apply-templates select="*" mode="odd:pattern"/></group></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:alternate" mode="odd:pattern">
    <xsl:call-template name="odd:occurs">
      <xsl:with-param name="pattern" as="element()">
        <xsl:choose>
          <xsl:when test="count(*) eq 1"><xsl:apply-templates select="*" mode="odd:pattern"/></xsl:when>
          <xsl:otherwise><choice><xsl:apply-templates select="*" mode="odd:pattern"/></choice></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:elementRef" mode="odd:pattern">
    <xsl:if test="odd:spec(.)[not(self::tei:elementSpec)]">
      <xsl:sequence select="error(QName('urn:shifr:odd-compiler', 'ODD0003'), 'ODD error: elementRef key=&quot;' || string(@key) || '&quot; names a ' || string(local-name(odd:spec(.))) || ', not an elementSpec')"/>
    </xsl:if>
    <xsl:call-template name="odd:occurs">
      <xsl:with-param name="pattern" as="element()"><ref name="{@key}"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:macroRef | tei:dataRef[@key]" mode="odd:pattern">
    <xsl:sequence select="odd:spec(.)[0]"/>
    <xsl:call-template name="odd:occurs">
      <xsl:with-param name="pattern" as="element()"><ref name="{@key}"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:dataRef[@name]" mode="odd:pattern">
    <data type="{@name}">
      <xsl:for-each select="tei:dataFacet">
        <param name="{@name}"><xsl:value-of select="@value"/></param>
      </xsl:for-each>
    </data>
  </xsl:template>

  <xsl:template match="tei:textNode" mode="odd:pattern"><text/></xsl:template>
  <xsl:template match="tei:empty" mode="odd:pattern"><empty/></xsl:template>

  <xsl:template match="tei:valList[@type = 'closed']" mode="odd:pattern">
    <choice>
      <xsl:for-each select="tei:valItem">
        <value><xsl:value-of select="@ident"/></value>
        <xsl:if test="odd:documentation(.) != ''">
          <a:documentation><xsl:value-of select="odd:documentation(.)"/></a:documentation>
        </xsl:if>
      </xsl:for-each>
    </choice>
  </xsl:template>

  <xsl:template match="tei:valList" mode="odd:pattern">
    <xsl:sequence select="error(QName('urn:shifr:odd-compiler', 'ODD0004'), 'ODD error: valList on ' || string(ancestor::tei:attDef/@ident) || ' is not closed; shifr''s schema uses closed value lists only')"/>
  </xsl:template>

  <!-- Wraps a pattern by the minOccurs/maxOccurs of the context particle. -->
  <xsl:template name="odd:occurs" as="element()">
    <xsl:param name="pattern" as="element()"/>
    <xsl:variable name="min" select="odd:min(.)"/>
    <xsl:variable name="max" select="odd:max(.)"/>
    <xsl:choose>
      <xsl:when test="$min eq 1 and $max eq 1"><xsl:sequence select="$pattern"/></xsl:when>
      <xsl:when test="$min eq 0 and $max eq 1"><optional><xsl:sequence select="$pattern"/></optional></xsl:when>
      <xsl:when test="$min eq 0 and $max eq -1"><zeroOrMore><xsl:sequence select="$pattern"/></zeroOrMore></xsl:when>
      <xsl:when test="$min eq 1 and $max eq -1"><oneOrMore><xsl:sequence select="$pattern"/></oneOrMore></xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="error(QName('urn:shifr:odd-compiler', 'ODD0005'), 'ODD error: ' || string(local-name()) || ' with minOccurs=&quot;' || string($min) || '&quot; maxOccurs=&quot;' || string(@maxOccurs) || '&quot; is not supported; expected 0 or 1 and 1 or &quot;unbounded&quot;')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:attDef" mode="odd:attribute">
    <xsl:variable name="attribute" as="element()">
      <attribute name="{@ident}">
        <xsl:if test="odd:documentation(.) != ''">
          <a:documentation><xsl:value-of select="odd:documentation(.)"/></a:documentation>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="tei:valList"><xsl:apply-templates select="tei:valList" mode="odd:pattern"/></xsl:when>
          <xsl:when test="tei:datatype"><xsl:apply-templates select="tei:datatype" mode="odd:pattern"/></xsl:when>
          <xsl:otherwise><text/></xsl:otherwise>
        </xsl:choose>
      </attribute>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="@usage = 'req'"><xsl:sequence select="$attribute"/></xsl:when>
      <xsl:otherwise><optional><xsl:sequence select="$attribute"/></optional></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A datatype with maxOccurs > 1 is a whitespace-separated list of values, as in TEI. -->
  <xsl:template match="tei:datatype" mode="odd:pattern">
    <xsl:variable name="value" as="element()"><xsl:apply-templates select="*" mode="odd:pattern"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="odd:max(.) eq 1 and odd:min(.) le 1"><xsl:sequence select="$value"/></xsl:when>
      <xsl:when test="odd:max(.) eq -1 and odd:min(.) eq 1"><list><oneOrMore><xsl:sequence select="$value"/></oneOrMore></list></xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="error(QName('urn:shifr:odd-compiler', 'ODD0005'), 'ODD error: datatype minOccurs=&quot;' || string(@minOccurs) || '&quot; maxOccurs=&quot;' || string(@maxOccurs) || '&quot; on ' || string(../@ident) || ' is not supported')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
