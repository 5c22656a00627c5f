<?xml version="1.0" encoding="UTF-8"?>
<!--
  Links out of TEI. A TEI file is untrusted input: only http(s), mailto and relative targets may
  become an href, so that `javascript:`, `data:` or `vbscript:` targets can never run on a page.
  Browsers drop ASCII tabs, newlines and leading control characters from URLs before reading the
  scheme, so the scheme is tested on the target with those removed ("java&#9;script:" is script).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:pub="urn:shifr:publish"
  exclude-result-prefixes="#all">

  <!-- What replace($target, '[\s\p{Cc}]', '') would remove, as far as XML 1.0 text can hold it
       (no other C0 control), for translate(): a tenth of a regular expression's cost in SaxonJS. -->
  <xsl:variable name="pub:blanks-and-controls" as="xs:string" select="codepoints-to-string((9, 10, 13, 32, 127 to 159))"/>

  <!-- The href for a TEI @target seen from a page $root levels below the site root, or the empty
       sequence when the target may not become a link. -->
  <xsl:function name="pub:safe-href" as="xs:string?">
    <xsl:param name="target" as="xs:string"/>
    <xsl:param name="root" as="xs:string"/>
    <xsl:variable name="t" as="xs:string" select="translate($target, $pub:blanks-and-controls, '')"/>
    <xsl:choose>
      <xsl:when test="$t = ''"/>
      <xsl:when test="matches($t, '^(https?|mailto):', 'i')">
        <xsl:sequence select="$t"/>
      </xsl:when>
      <!-- any other scheme (javascript:, data:, file:, …) is refused -->
      <xsl:when test="matches($t, '^[A-Za-z][A-Za-z0-9+.\-]*:')"/>
      <xsl:when test="starts-with($t, '#')">
        <xsl:sequence select="$t"/>
      </xsl:when>
      <!-- a sibling telegram or an authority file: its page in the site, not its XML -->
      <xsl:when test="matches($t, '^(persons|places)\.xml#[\w.\-]+$')">
        <xsl:sequence select="concat($root, substring-before($t, '.xml'), '/', encode-for-uri(substring-after($t, '#')), '.html')"/>
      </xsl:when>
      <xsl:when test="matches($t, '^[\w.\-]+\.xml(#.*)?$')">
        <xsl:sequence select="concat($root, 'telegrams/', replace($t, '\.xml', '.html'))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="concat($root, 'tei/', $t)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A TEI @type value as one class token. The serializer escapes attribute values, so this is
       about keeping one token, not about safety; translate() because a regular expression per
       element costs more in SaxonJS than the rest of the element's rendering. -->
  <xsl:function name="pub:class-token" as="xs:string">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="translate(normalize-space(lower-case(string($value))), ' ', '-')"/>
  </xsl:function>
</xsl:stylesheet>
