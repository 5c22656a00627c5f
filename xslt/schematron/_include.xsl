<?xml version="1.0" encoding="UTF-8"?>
<!--
  Stage 1 (mode shc:include): gathers the schema into one tree.
  - sch:include/@href is replaced by the element it points to (the document element, or the
    element with the id after '#'); includes nest, each resolved against its own file.
  - sch:extends/@href (ISO 2016) is replaced by the content of the element it points to.
  - Elements in the Schematron 1.5 namespace are renamed into the ISO namespace, so 1.5 schemas
    compile too.
  - Every Schematron element gets shc:file and shc:path: where it came from, so that errors and
    findings about the schema can be placed on a line by the caller.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:sch="http://purl.oclc.org/dsdl/schematron"
  xmlns:sch15="http://www.ascc.net/xml/schematron"
  xmlns:shc="urn:shifr:schematron-compiler"
  exclude-result-prefixes="#all">

  <xsl:mode name="shc:include" on-no-match="shallow-copy"/>

  <xsl:template match="sch:* | sch15:*" mode="shc:include">
    <xsl:param name="base" as="xs:string" tunnel="yes"/>
    <xsl:element name="sch:{local-name()}" namespace="http://purl.oclc.org/dsdl/schematron">
      <xsl:copy-of select="@*"/>
      <xsl:attribute name="shc:file" select="$base"/>
      <xsl:attribute name="shc:path" select="path(.)"/>
      <xsl:apply-templates select="node()" mode="#current"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="(sch:include | sch15:include)[@href]" mode="shc:include">
    <xsl:param name="base" as="xs:string" tunnel="yes"/>
    <xsl:param name="seen" as="xs:string*" tunnel="yes" select="()"/>
    <xsl:variable name="target" select="shc:resolve-href(@href, $base)"/>
    <xsl:choose>
      <xsl:when test="$target?uri = $seen">
        <shc:error file="{$base}" path="{path(.)}">sch:include of <xsl:value-of select="@href"/> includes itself</shc:error>
      </xsl:when>
      <xsl:when test="empty($target?element)">
        <shc:error file="{$base}" path="{path(.)}">sch:include: <xsl:value-of select="$target?problem"/></shc:error>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$target?element" mode="#current">
          <xsl:with-param name="base" select="$target?uri" tunnel="yes"/>
          <xsl:with-param name="seen" select="$seen, $target?uri" tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="(sch:extends | sch15:extends)[@href]" mode="shc:include">
    <xsl:param name="base" as="xs:string" tunnel="yes"/>
    <xsl:variable name="target" select="shc:resolve-href(@href, $base)"/>
    <xsl:choose>
      <xsl:when test="empty($target?element)">
        <shc:error file="{$base}" path="{path(.)}">sch:extends: <xsl:value-of select="$target?problem"/></shc:error>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$target?element/node()" mode="#current">
          <xsl:with-param name="base" select="$target?uri" tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The element an href points to: map { uri, element?, problem? }. Local files only. -->
  <xsl:function name="shc:resolve-href" as="map(*)">
    <xsl:param name="href" as="xs:string"/>
    <xsl:param name="base" as="xs:string"/>
    <xsl:variable name="uri" select="resolve-uri(substring-before($href || '#', '#'), $base)"/>
    <xsl:variable name="fragment" select="substring-after($href, '#')"/>
    <xsl:choose>
      <xsl:when test="not(starts-with($uri, 'file:'))">
        <xsl:sequence select="map { 'uri': $uri, 'problem': $href || ' is not a local file' }"/>
      </xsl:when>
      <xsl:when test="not(doc-available($uri))">
        <xsl:sequence select="map { 'uri': $uri, 'problem': 'cannot read ' || $href }"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="element" select="
          if ($fragment) then doc($uri)//*[@id = $fragment or @xml:id = $fragment][1] else doc($uri)/*"/>
        <xsl:sequence select="
          if ($element) then map { 'uri': $uri, 'element': $element }
          else map { 'uri': $uri, 'problem': 'no element with id ' || $fragment || ' in ' || $href }"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>
</xsl:stylesheet>
