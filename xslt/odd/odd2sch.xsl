<?xml version="1.0" encoding="UTF-8"?>
<!--
  ODD to ISO Schematron, entry stylesheet.

  Collects the constraintSpecs (scheme="schematron") of the schemaSpec into one ISO Schematron
  schema with queryBinding="xslt3":
  - declarations found directly in a constraint — sch:ns, sch:let, xsl:key, xsl:function — are
    hoisted to the schema (schema-level sch:let are parameters of the compiled validator, which is
    how shifr passes the authority files in);
  - an sch:pattern is copied, its @id defaulting to the constraintSpec's @ident;
  - sch:rule elements are wrapped in a pattern named after the constraintSpec;
  - sch:assert / sch:report directly in a constraint get a rule whose context is the element of the
    enclosing elementSpec (TEI's convention for element-level constraints).
  The constraintSpec's desc becomes the pattern's sch:p.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:sch="http://purl.oclc.org/dsdl/schematron"
  xmlns:odd="urn:shifr:odd-compiler"
  exclude-result-prefixes="tei odd xs">

  <xsl:include href="_common.xsl"/>

  <xsl:param name="source-name" as="xs:string" select="'odd/shifr.odd'"/>

  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>
  <xsl:mode on-no-match="fail"/>
  <xsl:mode name="odd:pattern" on-no-match="fail"/>

  <xsl:variable name="declarations" as="xs:QName*"
    select="QName('http://purl.oclc.org/dsdl/schematron', 'ns'), QName('http://purl.oclc.org/dsdl/schematron', 'let'),
            QName('http://www.w3.org/1999/XSL/Transform', 'key'), QName('http://www.w3.org/1999/XSL/Transform', 'function')"/>

  <xsl:template match="/">
    <xsl:variable name="schema" select="//tei:schemaSpec"/>
    <xsl:if test="count($schema) ne 1">
      <xsl:sequence select="error(QName('urn:shifr:odd-compiler', 'ODD0002'), 'ODD error: expected exactly one schemaSpec, found ' || string(count($schema)))"/>
    </xsl:if>
    <xsl:apply-templates select="$schema"/>
  </xsl:template>

  <xsl:template match="tei:schemaSpec">
    <xsl:variable name="constraints" select=".//tei:constraintSpec[@scheme = 'schematron']/tei:constraint"/>
    <xsl:comment> Generated from <xsl:value-of select="$source-name"/> by "shifr odd"; do not edit: change the ODD and regenerate. </xsl:comment>
    <sch:schema queryBinding="xslt3">
      <!-- Prefixes bound by sch:ns are also declared on the root, for processors that resolve the
           QNames of hoisted xsl:function / xsl:key from in-scope namespaces. -->
      <xsl:for-each select="$constraints/sch:ns">
        <xsl:namespace name="{@prefix}" select="string(@uri)"/>
      </xsl:for-each>
      <sch:title><xsl:value-of select="(tei:gloss, @ident)[1]"/>: the edition's rules</sch:title>
      <xsl:variable name="hoisted" select="$constraints/*[node-name(.) = $declarations]"/>
      <xsl:if test="not($hoisted/self::sch:ns[@prefix = 'tei'])">
        <sch:ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>
      </xsl:if>
      <xsl:for-each select="$hoisted/self::sch:ns, $hoisted/self::sch:let, $hoisted[self::xsl:*]">
        <xsl:copy-of select="." copy-namespaces="no"/>
      </xsl:for-each>
      <xsl:apply-templates select="$constraints" mode="odd:pattern"/>
    </sch:schema>
  </xsl:template>

  <xsl:template match="tei:constraint" mode="odd:pattern">
    <xsl:variable name="spec" select="parent::tei:constraintSpec"/>
    <xsl:variable name="about" select="normalize-space($spec/tei:desc)"/>
    <xsl:for-each select="sch:pattern">
      <sch:pattern id="{(@id, $spec/@ident)[1]}">
        <xsl:copy-of select="@* except @id"/>
        <xsl:if test="$about != ''"><sch:p><xsl:value-of select="$about"/></sch:p></xsl:if>
        <xsl:copy-of select="node()" copy-namespaces="no"/>
      </sch:pattern>
    </xsl:for-each>
    <xsl:if test="sch:rule">
      <sch:pattern id="{$spec/@ident}">
        <xsl:if test="$about != ''"><sch:p><xsl:value-of select="$about"/></sch:p></xsl:if>
        <xsl:copy-of select="sch:rule" copy-namespaces="no"/>
      </sch:pattern>
    </xsl:if>
    <xsl:if test="sch:assert | sch:report">
      <xsl:variable name="element" select="ancestor::tei:elementSpec[1]/@ident"/>
      <xsl:if test="empty($element)">
        <xsl:sequence select="error(QName('urn:shifr:odd-compiler', 'ODD0006'), 'ODD error: constraintSpec &quot;' || string($spec/@ident) || '&quot; has asserts without a rule and is not inside an elementSpec')"/>
      </xsl:if>
      <sch:pattern id="{$element}-{$spec/@ident}">
        <xsl:if test="$about != ''"><sch:p><xsl:value-of select="$about"/></sch:p></xsl:if>
        <sch:rule context="tei:{$element}">
          <xsl:copy-of select="sch:let | sch:assert | sch:report" copy-namespaces="no"/>
        </sch:rule>
      </sch:pattern>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
