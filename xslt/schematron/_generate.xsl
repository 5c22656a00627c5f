<?xml version="1.0" encoding="UTF-8"?>
<!--
  Stage 5 (mode shc:generate): writes the validator, an XSLT 3.0 stylesheet.

  Shape of the validator:
  - namespaces of sch:ns declared on its root (xs is declared too unless sch:ns binds it), and
    xml:base set to the schema's URI so that relative URIs in expressions resolve as in the schema;
  - xsl:* elements that are children of sch:schema (xsl:key, xsl:function, …) copied through;
  - schema-level sch:let become global xsl:param with the let's value as default: a caller may
    supply any of them (how documents such as an authority file are passed in, parsed by the
    caller, without doc()); phase-level and pattern-level sch:let become global xsl:variable,
    evaluated once per document with the document node as context (their names share one scope);
  - one mode per active pattern ("p1", "p2", …, on-no-match deep-skip), one template per rule with
    priorities decreasing in document order, so that in each pattern only the first rule whose
    context matches a node fires, as ISO requires; rule-level sch:let become local variables;
  - a single tree walk (mode "walk") that visits every node once and applies to it the modes of
    the patterns that can match it: a pattern whose rule contexts all end in element name tests
    (tei:persName, tei:div[@type]…) is applied only to elements of those names, by a walk template
    per name; other patterns at every node. One walk is about twice as fast as a walk per pattern,
    and dispatching by name ~1.5-2x faster again than applying every pattern at every node.
    Attributes, text, comments and processing instructions are visited only when some rule
    context can match them. (A single mode with all rules chained by xsl:next-match was measured
    too: slower than a mode per pattern on SaxonJS.)
  - findings as SVRL: svrl:failed-assert / svrl:successful-report with id, role, flag, test,
    location (XPath of the context node, or of @subject), svrl:diagnostic-reference,
    svrl:property-reference and svrl:text. svrl:fired-rule is not written (it would cost a node
    per rule firing and nobody reads it).
  Each generated template and test carries shc:at="file#path" naming the schema element it came
  from, so that XPath errors reported by the XSLT compiler can be traced to the schema.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:axsl="http://www.w3.org/1999/XSL/TransformAlias"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:sch="http://purl.oclc.org/dsdl/schematron"
  xmlns:svrl="http://purl.oclc.org/dsdl/svrl"
  xmlns:shc="urn:shifr:schematron-compiler"
  exclude-result-prefixes="sch">

  <xsl:namespace-alias stylesheet-prefix="axsl" result-prefix="xsl"/>

  <xsl:mode name="shc:generate" on-no-match="deep-skip"/>
  <xsl:mode name="shc:message" on-no-match="shallow-skip"/>

  <xsl:template match="sch:schema" mode="shc:generate">
    <xsl:variable name="patterns" select="shc:active-patterns(.)"/>
    <xsl:variable name="phase" select="sch:phase[@id = shc:effective-phase(current())]"/>
    <!-- Predicates say nothing about which kinds of node a context matches: drop them (nested
         up to three deep) before looking for attribute or leaf steps. -->
    <xsl:variable name="contexts" select="$patterns/sch:rule/@context
      ! replace(., '\[[^\[\]]*\]', '') ! replace(., '\[[^\[\]]*\]', '') ! replace(., '\[[^\[\]]*\]', '')"/>
    <xsl:variable name="walk-attributes" select="some $c in $contexts satisfies matches($c, '@|attribute::|node\(\)')"/>
    <xsl:variable name="walk-leaves" select="some $c in $contexts satisfies matches($c, 'text\(\)|comment\(\)|processing-instruction|node\(\)')"/>
    <axsl:stylesheet version="3.0">
      <xsl:for-each select="sch:ns">
        <xsl:namespace name="{@prefix}" select="string(@uri)"/>
      </xsl:for-each>
      <xsl:if test="not(sch:ns/@prefix = 'xs')">
        <xsl:namespace name="xs" select="'http://www.w3.org/2001/XMLSchema'"/>
      </xsl:if>
      <xsl:attribute name="xml:base" select="@shc:file"/>
      <axsl:output method="xml" indent="no"/>
      <xsl:copy-of select="xsl:*"/>
      <xsl:apply-templates select="sch:let" mode="shc:let">
        <xsl:with-param name="declaration" select="'param'"/>
      </xsl:apply-templates>
      <xsl:apply-templates select="$phase/sch:let, $patterns/sch:let" mode="shc:let"/>

      <axsl:template match="/">
        <svrl:schematron-output phase="{shc:effective-phase(.)}">
          <xsl:if test="sch:title">
            <xsl:attribute name="title" select="shc:avt(normalize-space(sch:title))"/>
          </xsl:if>
          <xsl:if test="@schemaVersion">
            <xsl:attribute name="schemaVersion" select="shc:avt(@schemaVersion)"/>
          </xsl:if>
          <xsl:for-each select="sch:ns">
            <svrl:ns-prefix-in-attribute-values prefix="{shc:avt(@prefix)}" uri="{shc:avt(@uri)}"/>
          </xsl:for-each>
          <xsl:for-each select="$patterns">
            <svrl:active-pattern>
              <xsl:for-each select="@id">
                <xsl:attribute name="id" select="shc:avt(.)"/>
              </xsl:for-each>
              <xsl:for-each select="(sch:title, @name)[1]">
                <xsl:attribute name="name" select="shc:avt(normalize-space(.))"/>
              </xsl:for-each>
            </svrl:active-pattern>
          </xsl:for-each>
          <axsl:apply-templates select="." mode="walk"/>
        </svrl:schematron-output>
      </axsl:template>

      <!-- Which patterns to apply where: a pattern whose rule contexts all end in element name
           tests is applied only to elements of those names; any other pattern ("generic") at
           every node the walk visits. -->
      <xsl:variable name="schema" select="."/>
      <xsl:variable name="targets" as="element(shc:target)*">
        <xsl:for-each select="$patterns">
          <xsl:variable name="pattern" select="position()"/>
          <xsl:for-each select="distinct-values(sch:rule/@context ! shc:context-names(., $schema))">
            <shc:target pattern="{$pattern}" name="{.}"/>
          </xsl:for-each>
        </xsl:for-each>
      </xsl:variable>
      <xsl:variable name="generic" as="xs:integer*" select="distinct-values($targets[@name = '*']/@pattern ! xs:integer(.))"/>
      <axsl:template match="document-node() | *" mode="walk" priority="-1">
        <xsl:call-template name="shc:walk-step">
          <xsl:with-param name="patterns" select="$generic"/>
          <xsl:with-param name="walk-attributes" select="$walk-attributes"/>
          <xsl:with-param name="walk-leaves" select="$walk-leaves"/>
        </xsl:call-template>
      </axsl:template>
      <xsl:for-each-group select="$targets[@name != '*'][not(@pattern = $generic)]" group-by="@name">
        <axsl:template match="{current-grouping-key()}" mode="walk" priority="1">
          <xsl:call-template name="shc:walk-step">
            <xsl:with-param name="patterns" select="sort(distinct-values((current-group()/@pattern ! xs:integer(.), $generic)))"/>
            <xsl:with-param name="walk-attributes" select="$walk-attributes"/>
            <xsl:with-param name="walk-leaves" select="$walk-leaves"/>
          </xsl:call-template>
        </axsl:template>
      </xsl:for-each-group>
      <xsl:if test="$walk-attributes or $walk-leaves">
        <axsl:template match="@* | text() | comment() | processing-instruction()" mode="walk">
          <xsl:for-each select="$generic">
            <axsl:apply-templates select="." mode="p{.}"/>
          </xsl:for-each>
        </axsl:template>
      </xsl:if>

      <xsl:for-each select="$patterns">
        <axsl:mode name="p{position()}" on-no-match="deep-skip"/>
        <xsl:apply-templates select="sch:rule" mode="shc:generate">
          <xsl:with-param name="mode" select="'p' || position()"/>
        </xsl:apply-templates>
      </xsl:for-each>
    </axsl:stylesheet>
  </xsl:template>

  <xsl:template match="sch:rule" mode="shc:generate">
    <xsl:param name="mode" as="xs:string"/>
    <axsl:template match="{@context}" mode="{$mode}" priority="{last() - position() + 1}" shc:at="{shc:origin(.)}">
      <xsl:apply-templates select="sch:let | sch:assert | sch:report" mode="shc:generate"/>
    </axsl:template>
  </xsl:template>

  <!-- The body of a walk template: the given patterns applied to the node, then the walk goes on. -->
  <xsl:template name="shc:walk-step">
    <xsl:param name="patterns" as="xs:integer*"/>
    <xsl:param name="walk-attributes" as="xs:boolean"/>
    <xsl:param name="walk-leaves" as="xs:boolean"/>
    <xsl:for-each select="$patterns">
      <axsl:apply-templates select="." mode="p{.}"/>
    </xsl:for-each>
    <xsl:if test="$walk-attributes">
      <axsl:apply-templates select="@*" mode="walk"/>
    </xsl:if>
    <axsl:apply-templates select="{if ($walk-leaves) then 'node()' else '*'}" mode="walk"/>
  </xsl:template>

  <!-- The element names a rule context can match, as EQNames, when every alternative of the
       context (predicates aside) ends in a plain element name test; otherwise '*' (anything). -->
  <xsl:function name="shc:context-names" as="xs:string+">
    <xsl:param name="context" as="xs:string"/>
    <xsl:param name="schema" as="element(sch:schema)"/>
    <xsl:variable name="bare" select="$context ! replace(., '\[[^\[\]]*\]', '') ! replace(., '\[[^\[\]]*\]', '') ! replace(., '\[[^\[\]]*\]', '')"/>
    <xsl:variable name="alternatives" select="tokenize($bare, '\|') ! normalize-space(.)"/>
    <xsl:variable name="names" as="xs:string*">
      <xsl:for-each select="$alternatives ! (if (contains(., '/')) then replace(., '^.*/', '') else .) ! (if (starts-with(., 'child::')) then substring(., 8) else .)">
        <xsl:variable name="prefix" select="substring-before(., ':')"/>
        <xsl:variable name="uri" select="if ($prefix) then $schema/sch:ns[@prefix = $prefix][1]/@uri else ''"/>
        <xsl:if test="matches(., '^([\i-[:]][\c-[:]]*:)?[\i-[:]][\c-[:]]*$') and exists($uri)">
          <xsl:sequence select="'Q{' || $uri || '}' || (if ($prefix) then substring-after(., ':') else .)"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="if (not(contains($bare, '[') or contains($bare, '(')) and count($names) = count($alternatives)) then $names else '*'"/>
  </xsl:function>

  <xsl:template match="sch:rule/sch:let" mode="shc:generate">
    <xsl:apply-templates select="." mode="shc:let"/>
  </xsl:template>

  <xsl:template match="sch:let" mode="shc:let">
    <xsl:param name="declaration" select="'variable'"/>
    <xsl:element name="xsl:{$declaration}" namespace="http://www.w3.org/1999/XSL/Transform">
      <xsl:attribute name="name" select="@name"/>
      <xsl:copy-of select="@as"/>
      <xsl:if test="@value">
        <xsl:attribute name="select" select="@value"/>
      </xsl:if>
      <xsl:attribute name="shc:at" select="shc:origin(.)"/>
      <xsl:if test="not(@value)">
        <xsl:apply-templates select="node()" mode="shc:literal"/>
      </xsl:if>
    </xsl:element>
  </xsl:template>

  <xsl:template match="sch:assert | sch:report" mode="shc:generate">
    <xsl:variable name="subject" select="(@subject, ../@subject)[1]"/>
    <axsl:if test="{if (self::sch:assert) then 'not((' || @test || '))' else @test}" shc:at="{shc:origin(.)}">
      <xsl:element name="svrl:{if (self::sch:assert) then 'failed-assert' else 'successful-report'}"
        namespace="http://purl.oclc.org/dsdl/svrl">
        <xsl:for-each select="@id, @role, @flag, @test">
          <xsl:attribute name="{local-name()}" select="shc:avt(.)"/>
        </xsl:for-each>
        <axsl:attribute name="location" select="path({if ($subject) then '((' || $subject || ')[1], .)[1]' else '.'})"/>
        <xsl:variable name="schema" select="ancestor::sch:schema"/>
        <xsl:for-each select="tokenize(@diagnostics)">
          <svrl:diagnostic-reference diagnostic="{shc:avt(.)}">
            <svrl:text>
              <xsl:apply-templates select="$schema//sch:diagnostic[@id = current()][1]/node()" mode="shc:message"/>
            </svrl:text>
          </svrl:diagnostic-reference>
        </xsl:for-each>
        <xsl:for-each select="tokenize(@properties)">
          <xsl:variable name="property" select="$schema//sch:property[@id = current()][1]"/>
          <svrl:property-reference property="{shc:avt(.)}">
            <xsl:for-each select="$property/(@role, @scheme)">
              <xsl:attribute name="{local-name()}" select="shc:avt(.)"/>
            </xsl:for-each>
            <svrl:text>
              <xsl:apply-templates select="$property/node()" mode="shc:message"/>
            </svrl:text>
          </svrl:property-reference>
        </xsl:for-each>
        <svrl:text>
          <xsl:apply-templates select="node()" mode="shc:message"/>
        </svrl:text>
      </xsl:element>
    </axsl:if>
  </xsl:template>

  <!-- Assertion text: literal text, evaluated sch:value-of and sch:name; markup (sch:emph,
       sch:dir, sch:span, foreign elements) keeps only its text. -->
  <xsl:template match="text()" mode="shc:message">
    <axsl:text>
      <xsl:value-of select="."/>
    </axsl:text>
  </xsl:template>

  <xsl:template match="sch:value-of" mode="shc:message">
    <axsl:value-of select="{@select}"/>
  </xsl:template>

  <xsl:template match="sch:name" mode="shc:message">
    <axsl:value-of select="name({if (@path) then '(' || @path || ')[1]' else '.'})"/>
  </xsl:template>

  <!-- The content of a sch:let without a value: copied as literal result elements, without the
       compiler's own marks, attribute values escaped (they are attribute value templates there). -->
  <xsl:mode name="shc:literal" on-no-match="shallow-copy"/>
  <xsl:template match="@shc:*" mode="shc:literal"/>
  <xsl:template match="@*" mode="shc:literal">
    <xsl:attribute name="{name()}" namespace="{namespace-uri()}" select="shc:avt(.)"/>
  </xsl:template>

  <!-- A string written into a generated attribute value template: braces doubled. -->
  <xsl:function name="shc:avt" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="replace(replace($text, '\{', '{{'), '\}', '}}')"/>
  </xsl:function>

  <xsl:function name="shc:origin" as="xs:string">
    <xsl:param name="at" as="element()"/>
    <xsl:sequence select="($at/ancestor-or-self::*/@shc:file)[last()] || '#' || ($at/ancestor-or-self::*/@shc:path)[last()]"/>
  </xsl:function>
</xsl:stylesheet>
