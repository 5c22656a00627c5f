<?xml version="1.0" encoding="UTF-8"?>
<!--
  Stages 2 and 3: abstract patterns and abstract rules.

  shc:instantiate — an instance pattern (sch:pattern/@is-a) becomes a copy of the abstract pattern
  it names, with each "$name" in the attributes of the abstract pattern's descendants replaced by
  the instance's sch:param[@name = 'name']/@value (a textual substitution, as ISO/IEC 19757-3
  defines it; a "$name" with no matching sch:param is left alone, so ordinary variable references
  survive). The instance keeps its own id, title and attributes. Abstract patterns are dropped.

  shc:extend — sch:extends/@rule is replaced by the content of the abstract rule with that id
  (looked for in the same pattern first, then anywhere in the schema), recursively. Abstract rules
  are dropped. Unknown names are left in place for stage 4 to report.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:sch="http://purl.oclc.org/dsdl/schematron"
  xmlns:shc="urn:shifr:schematron-compiler"
  exclude-result-prefixes="#all">

  <xsl:mode name="shc:instantiate" on-no-match="shallow-copy"/>
  <xsl:mode name="shc:substitute" on-no-match="shallow-copy"/>
  <xsl:mode name="shc:extend" on-no-match="shallow-copy"/>

  <xsl:key name="shc:abstract-pattern" match="sch:pattern[@abstract = 'true']" use="@id"/>
  <xsl:key name="shc:abstract-rule" match="sch:rule[@abstract = 'true']" use="@id"/>

  <xsl:template match="sch:pattern[@abstract = 'true']" mode="shc:instantiate"/>

  <xsl:template match="sch:pattern[@is-a]" mode="shc:instantiate">
    <xsl:variable name="abstract" select="key('shc:abstract-pattern', @is-a)[1]"/>
    <xsl:choose>
      <xsl:when test="empty($abstract)">
        <xsl:next-match/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="params" as="map(xs:string, xs:string)"
          select="map:merge(sch:param ! map { string(@name): string(@value) })"
          xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
        <xsl:copy>
          <xsl:copy-of select="@* except @is-a"/>
          <xsl:attribute name="shc:is-a" select="@is-a"/>
          <xsl:copy-of select="node() except sch:param"/>
          <xsl:apply-templates select="$abstract/node() except $abstract/sch:title" mode="shc:substitute">
            <xsl:with-param name="params" select="$params" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:copy>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="sch:*/@*[not(namespace-uri())]" mode="shc:substitute">
    <xsl:param name="params" as="map(xs:string, xs:string)" tunnel="yes"/>
    <xsl:attribute name="{name()}">
      <xsl:analyze-string select="." regex="\$([\i-[:]][\c-[:]]*)">
        <xsl:matching-substring>
          <xsl:value-of select="($params(regex-group(1)), .)[1]"/>
        </xsl:matching-substring>
        <xsl:non-matching-substring>
          <xsl:value-of select="."/>
        </xsl:non-matching-substring>
      </xsl:analyze-string>
    </xsl:attribute>
  </xsl:template>

  <xsl:template match="sch:rule[@abstract = 'true']" mode="shc:extend"/>

  <xsl:template match="sch:extends[@rule]" mode="shc:extend">
    <xsl:param name="extending" as="xs:string*" tunnel="yes" select="()"/>
    <xsl:variable name="id" select="string(@rule)"/>
    <xsl:variable name="abstract" select="
      (ancestor::sch:pattern[1]//sch:rule[@abstract = 'true'][@id = $id], key('shc:abstract-rule', $id))[1]"/>
    <xsl:choose>
      <xsl:when test="empty($abstract) or $id = $extending">
        <xsl:next-match/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$abstract/node() except $abstract/sch:title" mode="#current">
          <xsl:with-param name="extending" select="$extending, $id" tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
