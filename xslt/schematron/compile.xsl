<?xml version="1.0" encoding="UTF-8"?>
<!--
  ISO Schematron (ISO/IEC 19757-3) to XSLT 3.0 compiler, entry stylesheet.

  Input: a Schematron schema. Output: an XSLT 3.0 stylesheet (the "validator") that, applied to a
  document, returns an SVRL report (svrl:schematron-output with svrl:failed-assert and
  svrl:successful-report elements). If the schema is in error, the output is instead
  <shc:errors> with one <shc:error file=".." path="..">message</shc:error> per problem.

  Stages, one mode each, every stage a complete tree handed to the next:
    1. shc:include      (_include.xsl)  sch:include and sch:extends/@href resolved; Schematron 1.5
                                         elements renamed into the ISO namespace; each Schematron
                                         element marked with the file and path it came from.
    2. shc:instantiate  (_expand.xsl)   abstract patterns instantiated (sch:pattern/@is-a with
                                         sch:param), abstract patterns dropped.
    3. shc:extend       (_expand.xsl)   sch:extends/@rule replaced by the abstract rule's content,
                                         abstract rules dropped.
    4. shc:check        (_check.xsl)    schema errors collected (unknown phase, dangling references…).
    5. shc:generate     (_generate.xsl) the validator written: phase selection, sch:ns, sch:let at
                                         schema, phase, pattern and rule level, one mode per pattern,
                                         a single tree walk applying every pattern's mode.

  Parameters:
    phase        '#DEFAULT' (the schema's defaultPhase, else all patterns), '#ALL', or a phase id.
    schema-uri   absolute URI of the schema file; relative sch:include hrefs resolve against it
                 (the schema is handed over as a parsed tree, which has no useful base URI).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:sch="http://purl.oclc.org/dsdl/schematron"
  xmlns:shc="urn:shifr:schematron-compiler"
  exclude-result-prefixes="#all">

  <xsl:include href="_include.xsl"/>
  <xsl:include href="_expand.xsl"/>
  <xsl:include href="_check.xsl"/>
  <xsl:include href="_generate.xsl"/>

  <xsl:param name="phase" as="xs:string" select="'#DEFAULT'"/>
  <xsl:param name="schema-uri" as="xs:string" select="string(base-uri(/))"/>

  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:variable name="included" as="document-node()">
      <xsl:document>
        <xsl:apply-templates select="node()" mode="shc:include">
          <xsl:with-param name="base" select="$schema-uri" tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:document>
    </xsl:variable>
    <xsl:variable name="instantiated" as="document-node()">
      <xsl:document>
        <xsl:apply-templates select="$included/node()" mode="shc:instantiate"/>
      </xsl:document>
    </xsl:variable>
    <xsl:variable name="extended" as="document-node()">
      <xsl:document>
        <xsl:apply-templates select="$instantiated/node()" mode="shc:extend"/>
      </xsl:document>
    </xsl:variable>
    <xsl:variable name="errors" as="element(shc:error)*">
      <xsl:sequence select="$included//shc:error"/>
      <xsl:apply-templates select="$extended/*" mode="shc:check"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="exists($errors)">
        <shc:errors>
          <xsl:sequence select="$errors"/>
        </shc:errors>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$extended/sch:schema" mode="shc:generate"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The phase in force: '#ALL' or the id of a phase of the schema. -->
  <xsl:function name="shc:effective-phase" as="xs:string">
    <xsl:param name="schema" as="element(sch:schema)"/>
    <xsl:sequence select="if ($phase = '#DEFAULT') then (string($schema/@defaultPhase)[.], '#ALL')[1] else $phase"/>
  </xsl:function>

  <!-- The patterns the phase in force makes active, in schema order. -->
  <xsl:function name="shc:active-patterns" as="element(sch:pattern)*">
    <xsl:param name="schema" as="element(sch:schema)"/>
    <xsl:variable name="in-force" select="shc:effective-phase($schema)"/>
    <xsl:variable name="patterns" select="$schema/sch:pattern[not(@abstract = 'true')]"/>
    <xsl:sequence select="
      if ($in-force = '#ALL') then $patterns
      else $patterns[@id = $schema/sch:phase[@id = $in-force]/sch:active/@pattern]"/>
  </xsl:function>

  <!-- An error found in the schema, placed at the Schematron element it concerns. -->
  <xsl:function name="shc:error" as="element(shc:error)">
    <xsl:param name="at" as="element()"/>
    <xsl:param name="message" as="xs:string"/>
    <shc:error file="{($at/ancestor-or-self::*/@shc:file)[last()]}" path="{($at/ancestor-or-self::*/@shc:path)[last()]}">
      <xsl:value-of select="$message"/>
    </shc:error>
  </xsl:function>
</xsl:stylesheet>
