<?xml version="1.0" encoding="UTF-8"?>
<!--
  ODD to HTML encoding guidelines, entry stylesheet.

  One page: the ODD's prose, then every element (gloss, description, content model, attributes
  with their value lists and glosses, the rules that concern it, and an example taken from the
  edition's own files), the content macros and datatypes, and the table of Schematron rules with
  their ids and severities.

  Parameters:
    examples       the edition's TEI files, parsed by the caller (document nodes), searched in
                   order for the first occurrence of each element;
    example-names  their file names, in the same order, to say where each example comes from.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:sch="http://purl.oclc.org/dsdl/schematron"
  xmlns:odd="urn:shifr:odd-compiler"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <xsl:include href="_common.xsl"/>
  <xsl:include href="_html-model.xsl"/>
  <xsl:include href="_html-example.xsl"/>

  <xsl:param name="source-name" as="xs:string" select="'odd/shifr.odd'"/>
  <xsl:param name="examples" as="document-node()*" select="()"/>
  <xsl:param name="example-names" as="xs:string*" select="()"/>

  <xsl:output method="html" html-version="5" indent="no" encoding="UTF-8"/>
  <xsl:mode on-no-match="shallow-skip"/>
  <xsl:mode name="odd:prose" on-no-match="shallow-skip"/>

  <xsl:template match="/">
    <xsl:variable name="schema" select="(//tei:schemaSpec)[1]"/>
    <html lang="en">
      <head>
        <meta charset="UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>Encoding guidelines — <xsl:value-of select="($schema/tei:gloss, $schema/@ident)[1]"/></title>
        <style>
          body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem; line-height: 1.5; }
          code, pre, .model { font-family: ui-monospace, monospace; }
          pre { background: #f5f5f0; padding: .5rem; overflow-x: auto; white-space: pre-wrap; }
          table { border-collapse: collapse; width: 100%; }
          th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
          section.spec { border-top: 1px solid #ccc; margin-top: 1.5rem; }
          .model a { text-decoration: none; }
          .toc { columns: 4 10rem; list-style: none; padding: 0; }
          .role-warning { color: #8a5a00; } .role-error { color: #a00; }
        </style>
      </head>
      <body>
        <header>
          <h1>Encoding guidelines: <xsl:value-of select="($schema/tei:gloss, $schema/@ident)[1]"/></h1>
          <p>Generated from <code><xsl:value-of select="$source-name"/></code> by <code>shifr odd --html</code>.
            Examples are taken from the edition's own files.</p>
        </header>
        <main>
          <xsl:apply-templates select="/tei:TEI/tei:text/tei:body/(tei:head | tei:p)" mode="odd:prose"/>
          <h2 id="elements">Elements</h2>
          <ul class="toc">
            <xsl:for-each select="$schema/tei:elementSpec">
              <xsl:sort select="lower-case(@ident)"/>
              <li><a href="#{@ident}">&lt;<xsl:value-of select="@ident"/>&gt;</a></li>
            </xsl:for-each>
          </ul>
          <xsl:apply-templates select="$schema/tei:elementSpec">
            <xsl:sort select="lower-case(@ident)"/>
          </xsl:apply-templates>
          <h2 id="macros">Content macros and datatypes</h2>
          <xsl:apply-templates select="$schema/(tei:macroSpec | tei:dataSpec)"/>
          <h2 id="rules">Rules</h2>
          <p>Checked by Schematron (<code>odd/shifr.sch</code>) after the grammar. Each rule's id is the code
            <code>shifr validate</code> reports.</p>
          <xsl:apply-templates select="$schema//tei:constraintSpec[.//sch:assert | .//sch:report]"/>
        </main>
      </body>
    </html>
  </xsl:template>

  <!-- ===== prose of the ODD ===== -->
  <xsl:template match="tei:head" mode="odd:prose"><h2><xsl:apply-templates mode="odd:prose"/></h2></xsl:template>
  <xsl:template match="tei:p" mode="odd:prose"><p><xsl:apply-templates mode="odd:prose"/></p></xsl:template>
  <xsl:template match="text()" mode="odd:prose"><xsl:value-of select="."/></xsl:template>
  <xsl:template match="tei:gi" mode="odd:prose"><code>&lt;<xsl:value-of select="."/>&gt;</code></xsl:template>
  <xsl:template match="tei:att" mode="odd:prose"><code>@<xsl:value-of select="."/></code></xsl:template>
  <xsl:template match="tei:val" mode="odd:prose"><code>"<xsl:value-of select="."/>"</code></xsl:template>
  <xsl:template match="tei:ident" mode="odd:prose"><code><xsl:value-of select="."/></code></xsl:template>
  <xsl:template match="tei:q" mode="odd:prose">“<xsl:apply-templates mode="odd:prose"/>”</xsl:template>

  <!-- ===== specifications ===== -->
  <xsl:template match="tei:elementSpec">
    <xsl:variable name="ident" select="string(@ident)"/>
    <section class="spec" id="{$ident}">
      <h3>&lt;<xsl:value-of select="$ident"/>&gt; <xsl:if test="tei:gloss">(<xsl:value-of select="tei:gloss"/>)</xsl:if></h3>
      <xsl:for-each select="tei:desc"><p><xsl:apply-templates mode="odd:prose"/></p></xsl:for-each>
      <p><strong>Content:</strong><xsl:text> </xsl:text><span class="model"><xsl:apply-templates select="tei:content" mode="odd:model"/></span></p>
      <xsl:variable name="parents" select="../tei:elementSpec[.//tei:elementRef/@key = $ident]/@ident
        union ../tei:elementSpec[.//tei:macroRef/@key = odd:macros-using($ident, ..)]/@ident"/>
      <xsl:if test="$parents">
        <p><strong>Contained by:</strong>
          <xsl:for-each select="$parents">
            <xsl:sort select="lower-case(.)"/>
            <xsl:text> </xsl:text><a href="#{.}">&lt;<xsl:value-of select="."/>&gt;</a>
          </xsl:for-each>
        </p>
      </xsl:if>
      <xsl:if test="tei:attList/tei:attDef">
        <table>
          <thead><tr><th>Attribute</th><th>Use</th><th>Value</th></tr></thead>
          <tbody><xsl:apply-templates select="tei:attList/tei:attDef"/></tbody>
        </table>
      </xsl:if>
      <xsl:variable name="rules" select="../tei:constraintSpec//sch:rule[matches(@context, '(^|[^A-Za-z])tei:' || $ident || '([^A-Za-z]|$)')]"/>
      <xsl:if test="$rules">
        <p><strong>Rules:</strong>
          <xsl:for-each select="$rules//sch:assert | $rules//sch:report">
            <xsl:text> </xsl:text><a href="#{@id}"><xsl:value-of select="@id"/></a>
          </xsl:for-each>
        </p>
      </xsl:if>
      <xsl:call-template name="odd:example">
        <xsl:with-param name="ident" select="$ident"/>
      </xsl:call-template>
    </section>
  </xsl:template>

  <xsl:template match="tei:attDef">
    <tr>
      <td><code>@<xsl:value-of select="@ident"/></code></td>
      <td><xsl:value-of select="if (@usage = 'req') then 'required' else 'optional'"/></td>
      <td>
        <xsl:for-each select="tei:desc"><p><xsl:apply-templates mode="odd:prose"/></p></xsl:for-each>
        <xsl:choose>
          <xsl:when test="tei:valList">
            <p>One of (closed list):</p>
            <dl>
              <xsl:for-each select="tei:valList/tei:valItem">
                <dt><code>"<xsl:value-of select="@ident"/>"</code></dt>
                <dd><xsl:apply-templates select="tei:gloss, tei:desc" mode="odd:prose"/></dd>
              </xsl:for-each>
            </dl>
          </xsl:when>
          <xsl:when test="tei:datatype">
            <span class="model"><xsl:apply-templates select="tei:datatype/*" mode="odd:model"/></span>
            <xsl:if test="odd:max(tei:datatype) ne 1"> (one or more, separated by spaces)</xsl:if>
          </xsl:when>
          <xsl:otherwise>text</xsl:otherwise>
        </xsl:choose>
      </td>
    </tr>
  </xsl:template>

  <xsl:template match="tei:macroSpec | tei:dataSpec">
    <section class="spec" id="{@ident}">
      <h3><xsl:value-of select="@ident"/></h3>
      <xsl:for-each select="tei:desc"><p><xsl:apply-templates mode="odd:prose"/></p></xsl:for-each>
      <p class="model"><xsl:apply-templates select="tei:content" mode="odd:model"/></p>
    </section>
  </xsl:template>

  <xsl:template match="tei:constraintSpec">
    <section class="spec" id="rules-{@ident}">
      <h3><xsl:value-of select="@ident"/></h3>
      <xsl:for-each select="tei:desc"><p><xsl:apply-templates mode="odd:prose"/></p></xsl:for-each>
      <table>
        <thead><tr><th>Id</th><th>Severity</th><th>Where</th><th>Message</th></tr></thead>
        <tbody>
          <xsl:for-each select=".//sch:assert | .//sch:report">
            <tr id="{@id}">
              <td><code><xsl:value-of select="@id"/></code></td>
              <td class="role-{(@role, 'error')[1]}"><xsl:value-of select="(@role, 'error')[1]"/></td>
              <td><code><xsl:value-of select="ancestor::sch:rule/@context"/></code></td>
              <td><xsl:apply-templates select="node()" mode="odd:message"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </section>
  </xsl:template>

  <!-- A message with its computed parts shown as placeholders. -->
  <xsl:template match="text()" mode="odd:message"><xsl:value-of select="."/></xsl:template>
  <xsl:template match="sch:value-of | sch:name" mode="odd:message"><var>…</var></xsl:template>

  <!-- Names of the macros whose content refers to an element, directly or through other macros. -->
  <xsl:function name="odd:macros-using" as="xs:string*">
    <xsl:param name="ident" as="xs:string"/>
    <xsl:param name="schema" as="element()"/>
    <xsl:variable name="direct" select="$schema/tei:macroSpec[.//tei:elementRef/@key = $ident]/@ident ! string(.)"/>
    <xsl:sequence select="odd:macro-closure($direct, $schema)"/>
  </xsl:function>

  <xsl:function name="odd:macro-closure" as="xs:string*">
    <xsl:param name="found" as="xs:string*"/>
    <xsl:param name="schema" as="element()"/>
    <xsl:variable name="more" select="$schema/tei:macroSpec[.//tei:macroRef/@key = $found][not(@ident = $found)]/@ident ! string(.)"/>
    <xsl:sequence select="if (empty($more)) then $found else odd:macro-closure(($found, $more), $schema)"/>
  </xsl:function>

</xsl:stylesheet>
