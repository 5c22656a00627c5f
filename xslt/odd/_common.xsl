<?xml version="1.0" encoding="UTF-8"?>
<!--
  Helpers shared by the ODD compilers: the documentation of a specification as one line of text,
  and the occurrence of a content particle. Private functions live in the odd: namespace.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:odd="urn:shifr:odd-compiler"
  exclude-result-prefixes="#all">

  <!-- "gloss: desc" of a specification, whitespace normalized; '' when it has neither. -->
  <xsl:function name="odd:documentation" as="xs:string">
    <xsl:param name="spec" as="element()"/>
    <xsl:sequence select="string-join(($spec/tei:gloss, $spec/tei:desc) ! normalize-space(.)[. != ''], ': ')"/>
  </xsl:function>

  <!-- minOccurs as an integer (ODD's default is 1). -->
  <xsl:function name="odd:min" as="xs:integer">
    <xsl:param name="particle" as="element()"/>
    <xsl:sequence select="xs:integer(($particle/@minOccurs, 1)[1])"/>
  </xsl:function>

  <!-- maxOccurs as an integer, -1 for "unbounded" (ODD's default is 1). -->
  <xsl:function name="odd:max" as="xs:integer">
    <xsl:param name="particle" as="element()"/>
    <xsl:variable name="max" select="string(($particle/@maxOccurs, '1')[1])"/>
    <xsl:sequence select="if ($max = 'unbounded') then -1 else xs:integer($max)"/>
  </xsl:function>

  <!-- The specification a key refers to, or a dynamic error naming the dangling key. -->
  <xsl:function name="odd:spec" as="element()">
    <xsl:param name="ref" as="element()"/>
    <xsl:variable name="spec" select="key('odd:spec', string($ref/@key), root($ref))"/>
    <xsl:if test="empty($spec)">
      <xsl:sequence select="error(QName('urn:shifr:odd-compiler', 'ODD0001'), 'ODD error: ' || string(local-name($ref)) || ' key=&quot;' || string($ref/@key) || '&quot; names no specification in the schemaSpec')"/>
    </xsl:if>
    <xsl:sequence select="$spec[1]"/>
  </xsl:function>

  <xsl:key name="odd:spec" match="tei:elementSpec | tei:macroSpec | tei:dataSpec" use="string(@ident)"/>

</xsl:stylesheet>
