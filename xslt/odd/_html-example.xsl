<?xml version="1.0" encoding="UTF-8"?>
<!--
  The example of an element: its first occurrence in the edition's files (in the order given),
  preferring one short enough to read (at most 600 characters serialized) among the first few;
  a longer one is cut, and the cut said.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:odd="urn:shifr:odd-compiler"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <xsl:variable name="odd:example-limit" as="xs:integer" select="600"/>

  <xsl:template name="odd:example">
    <xsl:param name="ident" as="xs:string"/>
    <xsl:variable name="occurrences" select="subsequence($examples//tei:*[local-name() = $ident], 1, 20)"/>
    <xsl:variable name="texts" select="$occurrences ! odd:serialize(.)"/>
    <xsl:variable name="short" select="(for $i in 1 to count($texts) return $i[string-length($texts[$i]) le $odd:example-limit])[1]"/>
    <xsl:variable name="chosen" select="($short, 1[exists($texts)])[1]"/>
    <xsl:if test="exists($chosen)">
      <xsl:variable name="text" select="$texts[$chosen]"/>
      <xsl:variable name="source" select="for $i in 1 to count($examples) return $example-names[$i][$examples[$i] is root($occurrences[$chosen])]"/>
      <figure>
        <figcaption>Example<xsl:if test="exists($source)"> from <code><xsl:value-of select="$source[1]"/></code></xsl:if></figcaption>
        <pre><code><xsl:value-of select="if (string-length($text) gt $odd:example-limit) then substring($text, 1, $odd:example-limit) || ' … (cut)' else $text"/></code></pre>
      </figure>
    </xsl:if>
  </xsl:template>

  <!-- An element as XML text, without the TEI namespace declaration every example would repeat. -->
  <xsl:function name="odd:serialize" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="replace(serialize($element, map { 'method': 'xml', 'omit-xml-declaration': true() }), ' xmlns=&quot;http://www.tei-c.org/ns/1.0&quot;', '')"/>
  </xsl:function>

</xsl:stylesheet>
