<?xml version="1.0" encoding="UTF-8"?>
<!--
  Stage 4 (mode shc:check): errors in the schema, as shc:error elements (see shc:error() in
  compile.xsl). Run on the tree after includes and abstract patterns and rules are resolved, so
  that what is checked is what will be compiled. XPath syntax is not checked here: the XSLT
  compiler reports it when the generated validator is compiled.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:sch="http://purl.oclc.org/dsdl/schematron"
  xmlns:shc="urn:shifr:schematron-compiler"
  exclude-result-prefixes="#all">

  <xsl:mode name="shc:check" on-no-match="shallow-skip"/>

  <!-- Query bindings whose expressions SaxonJS runs as XPath 3.1 (XPath 1.0 expressions of the
       default binding mostly mean the same there). -->
  <xsl:variable name="shc:query-bindings" select="'xslt', 'xslt1', 'xslt2', 'xslt3', 'xpath', 'xpath2', 'xpath3', 'xpath31'"/>

  <xsl:template match="*[not(self::sch:*)]" mode="shc:check"/>

  <xsl:template match="sch:schema" mode="shc:check">
    <xsl:if test="@queryBinding and not(lower-case(@queryBinding) = $shc:query-bindings)">
      <xsl:sequence select="shc:error(., 'queryBinding ''' || @queryBinding || ''' is not supported; expected one of ' || string-join($shc:query-bindings, ', '))"/>
    </xsl:if>
    <xsl:variable name="in-force" select="shc:effective-phase(.)"/>
    <xsl:if test="not($in-force = ('#ALL', sch:phase/@id))">
      <xsl:sequence select="shc:error(., 'phase ''' || $in-force || ''' is not defined; expected #ALL' || string-join(sch:phase/@id ! (', ' || .)))"/>
    </xsl:if>
    <xsl:apply-templates select="*" mode="#current"/>
  </xsl:template>

  <!-- Parts of later editions of the standard that this compiler does not implement: rejected
       rather than silently ignored. -->
  <xsl:template match="sch:pattern[@documents]" mode="shc:check">
    <xsl:sequence select="shc:error(., 'sch:pattern/@documents (patterns on other documents) is not supported')"/>
    <xsl:apply-templates select="*" mode="#current"/>
  </xsl:template>
  <xsl:template match="sch:group" mode="shc:check">
    <xsl:sequence select="shc:error(., 'sch:group is not supported; use sch:pattern')"/>
  </xsl:template>

  <xsl:template match="sch:active" mode="shc:check">
    <xsl:if test="not(@pattern = ancestor::sch:schema/sch:pattern/@id)">
      <xsl:sequence select="shc:error(., 'sch:active names pattern ''' || @pattern || ''', which is not defined')"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="sch:pattern[@is-a]" mode="shc:check">
    <xsl:sequence select="shc:error(., 'sch:pattern is-a=''' || @is-a || ''': no abstract pattern has that id')"/>
  </xsl:template>

  <xsl:template match="sch:extends" mode="shc:check">
    <xsl:sequence select="shc:error(., 'sch:extends rule=''' || @rule || ''': no abstract rule has that id, or it extends itself')"/>
  </xsl:template>

  <xsl:template match="sch:rule" mode="shc:check">
    <xsl:if test="not(normalize-space(@context))">
      <xsl:sequence select="shc:error(., 'sch:rule has no context attribute')"/>
    </xsl:if>
    <xsl:apply-templates select="*" mode="#current"/>
  </xsl:template>

  <xsl:template match="sch:assert | sch:report" mode="shc:check">
    <xsl:if test="not(normalize-space(@test))">
      <xsl:sequence select="shc:error(., 'sch:' || local-name() || ' has no test attribute')"/>
    </xsl:if>
    <xsl:variable name="here" select="."/>
    <xsl:variable name="schema" select="ancestor::sch:schema"/>
    <xsl:for-each select="tokenize(@diagnostics)[not(. = $schema//sch:diagnostic/@id)]">
      <xsl:sequence select="shc:error($here, 'diagnostic ''' || . || ''' is not defined in sch:diagnostics')"/>
    </xsl:for-each>
    <xsl:for-each select="tokenize(@properties)[not(. = $schema//sch:property/@id)]">
      <xsl:sequence select="shc:error($here, 'property ''' || . || ''' is not defined in sch:properties')"/>
    </xsl:for-each>
    <xsl:apply-templates select="*" mode="#current"/>
  </xsl:template>

  <xsl:template match="sch:let" mode="shc:check">
    <xsl:if test="not(normalize-space(@name))">
      <xsl:sequence select="shc:error(., 'sch:let has no name attribute')"/>
    </xsl:if>
    <xsl:if test="not(@value) and not(node())">
      <xsl:sequence select="shc:error(., 'sch:let ' || @name || ' has neither a value attribute nor content')"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="sch:value-of" mode="shc:check">
    <xsl:if test="not(normalize-space(@select))">
      <xsl:sequence select="shc:error(., 'sch:value-of has no select attribute')"/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
