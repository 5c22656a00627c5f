<?xml version="1.0" encoding="UTF-8"?>
<!--
  ODD to RELAX NG (XML syntax), entry stylesheet.

  Input: a TEI ODD whose schemaSpec declares every element with its content in pure ODD
  (sequence, alternate, elementRef, macroRef, dataRef, textNode, empty, valList) and its
  attributes in attList/attDef. Output: one RELAX NG grammar in the schemaSpec's namespace, with
  XML Schema datatypes, one define per elementSpec, macroSpec and dataSpec (named by @ident),
  a:documentation taken from gloss and desc, and the schemaSpec's @start as start.
  Schematron constraints are left to odd2sch.xsl.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns="http://relaxng.org/ns/structure/1.0"
  xmlns:a="http://relaxng.org/ns/compatibility/annotations/1.0"
  xmlns:odd="urn:shifr:odd-compiler"
  exclude-result-prefixes="#all">

  <xsl:include href="_common.xsl"/>
  <xsl:include href="_rng-content.xsl"/>

  <!-- The ODD file's path as the generated header names it (relative, so output is reproducible). -->
  <xsl:param name="source-name" as="xs:string" select="'odd/shifr.odd'"/>

  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>
  <xsl:mode on-no-match="fail"/>

  <xsl:template match="/">
    <xsl:variable name="schema" select="//tei:schemaSpec"/>
    <xsl:if test="count($schema) ne 1">
      <xsl:sequence select="error(QName('urn:shifr:odd-compiler', 'ODD0002'), 'ODD error: expected exactly one schemaSpec, found ' || string(count($schema)))"/>
    </xsl:if>
    <xsl:apply-templates select="$schema"/>
  </xsl:template>

  <xsl:template match="tei:schemaSpec">
    <xsl:comment> Generated from <xsl:value-of select="$source-name"/> by "shifr odd"; do not edit: change the ODD and regenerate. </xsl:comment>
    <grammar ns="{(@ns, 'http://www.tei-c.org/ns/1.0')[1]}" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
      <xsl:namespace name="a" select="'http://relaxng.org/ns/compatibility/annotations/1.0'"/>
      <xsl:if test="odd:documentation(.) != ''">
        <a:documentation><xsl:value-of select="odd:documentation(.)"/></a:documentation>
      </xsl:if>
      <start>
        <xsl:variable name="starts" select="tokenize(normalize-space((@start, 'TEI')[1]))"/>
        <xsl:choose>
          <xsl:when test="count($starts) eq 1"><ref name="{$starts}"/></xsl:when>
          <xsl:otherwise><choice><xsl:for-each select="$starts"><ref name="{.}"/></xsl:for-each></choice></xsl:otherwise>
        </xsl:choose>
      </start>
      <xsl:apply-templates select="tei:elementSpec | tei:macroSpec | tei:dataSpec" mode="odd:define"/>
    </grammar>
  </xsl:template>

</xsl:stylesheet>
