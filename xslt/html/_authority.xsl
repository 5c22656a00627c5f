<?xml version="1.0" encoding="UTF-8"?>
<!--
  Lookups in the authority files: who a @ref="persons.xml#stalin" is, what a place or an archive
  is called, and where its index page lives. Every page names people the same way through these
  functions, so a pseudonym always reads "Filippov (Joseph Stalin)".
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:pub="urn:shifr:publish"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  exclude-result-prefixes="#all">

  <!-- The lookup tables by id ($persons-by-id, $places-by-id, $orgs-by-id, see _params.xsl) as
       this transform has them, for the publish step to pass in to the next ones. -->
  <xsl:template name="pub:authority-lookups" as="map(*)+">
    <xsl:sequence select="$persons-by-id, $places-by-id, $orgs-by-id"/>
  </xsl:template>

  <xsl:variable name="pub:archival-labels" as="map(xs:string, xs:string)"
    select="map{'fond':'fond', 'opis':'opis', 'delo':'delo', 'papka':'papka', 'folio':'ll.'}"/>

  <!-- "persons.xml#stalin" → "stalin"; a bare id is taken as it is. -->
  <xsl:function name="pub:ref-id" as="xs:string">
    <xsl:param name="ref" as="xs:string?"/>
    <!-- the first pointer of the list, without its file part; no tokenize(), a regex in SaxonJS -->
    <xsl:variable name="first" select="substring-before(normalize-space(string($ref)) || ' ', ' ')"/>
    <xsl:sequence select="if (contains($first, '#')) then substring-after($first, '#') else $first"/>
  </xsl:function>

  <xsl:function name="pub:person" as="element(tei:person)?">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="$persons-by-id($id)"/>
  </xsl:function>

  <xsl:function name="pub:place" as="element(tei:place)?">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="$places-by-id($id)"/>
  </xsl:function>

  <!-- The name a person is listed under: the English main name, else any main name, else the
       form given by the caller (the name as written in the telegram). -->
  <xsl:function name="pub:person-name" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="as-written" as="xs:string"/>
    <xsl:variable name="p" select="pub:person($id)"/>
    <xsl:variable name="names" select="$p/tei:persName[@type = 'main'][@xml:lang = 'en'], $p/tei:persName[@type = 'main'], $p/tei:persName"/>
    <xsl:sequence select="if (exists($names)) then normalize-space($names[1]) else normalize-space($as-written)"/>
  </xsl:function>

  <!-- A correspondent as a reader needs it: the name as written, and for a pseudonym the person
       behind it in parentheses ("Filippov (Joseph Stalin)"). -->
  <xsl:function name="pub:person-label" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="id" select="pub:ref-id($name/@ref)"/>
    <xsl:variable name="written" select="normalize-space($name)"/>
    <xsl:choose>
      <xsl:when test="$name/@type = 'pseudonym'">
        <xsl:sequence select="concat($written, ' (', pub:person-name($id, $written), ')')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="pub:person-name($id, $written)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="pub:place-name" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="as-written" as="xs:string"/>
    <xsl:variable name="p" select="pub:place($id)"/>
    <xsl:variable name="names" select="$p/tei:placeName[@xml:lang = 'en'], $p/tei:placeName"/>
    <xsl:sequence select="if (exists($names)) then normalize-space($names[1]) else normalize-space($as-written)"/>
  </xsl:function>

  <!-- An archive's full name ("Archive of the President of the Russian Federation"), or empty. -->
  <xsl:function name="pub:archive-name" as="xs:string">
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:variable name="id" select="pub:ref-id($ref)"/>
    <xsl:variable name="org" select="$orgs-by-id($id)"/>
    <xsl:sequence select="normalize-space(($org/tei:orgName[@type = 'full'][@xml:lang = 'en'], $org/tei:orgName[@type = 'full'], $org/tei:orgName)[1])"/>
  </xsl:function>

  <!-- What the authority file says about a person or place: its description, and where each
       form of the name was found ("attestations": one item per telegram, the forms as written). -->
  <xsl:template name="pub:entity-notes">
    <xsl:param name="entity" as="element()?"/>
    <xsl:for-each select="$entity/tei:note[not(@type)][normalize-space()]">
      <p class="entity-note"><xsl:value-of select="normalize-space(.)"/></p>
    </xsl:for-each>
    <xsl:variable name="items" select="$entity/tei:note[@type = 'attestations']//tei:item"/>
    <xsl:if test="$items">
      <h2>Forms in the telegrams</h2>
      <ul class="attestations">
        <xsl:for-each select="$items">
          <li>
            <xsl:for-each select="tei:ref[1]">
              <xsl:variable name="href" select="pub:safe-href(string(@target), '../')"/>
              <xsl:choose>
                <xsl:when test="exists($href)"><a href="{$href}"><xsl:value-of select="normalize-space(.)"/></a></xsl:when>
                <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
              </xsl:choose>
              <xsl:text>: </xsl:text>
            </xsl:for-each>
            <xsl:for-each select="tei:mentioned | tei:persName | tei:placeName">
              <xsl:if test="position() gt 1">, </xsl:if>
              <!-- the forms carry no language: Cyrillic ones are Russian, the others English -->
              <span class="name-form" lang="{if (matches(., '\p{IsCyrillic}')) then 'ru' else 'en'}"><xsl:value-of select="normalize-space(.)"/></span>
            </xsl:for-each>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>

  <!-- Index pages: one per person and per place, named by the authority id. -->
  <xsl:function name="pub:person-href" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="root" as="xs:string"/>
    <xsl:sequence select="concat($root, 'persons/', encode-for-uri($id), '.html')"/>
  </xsl:function>

  <xsl:function name="pub:place-href" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="root" as="xs:string"/>
    <xsl:sequence select="concat($root, 'places/', encode-for-uri($id), '.html')"/>
  </xsl:function>

  <!-- A date for people: "3 October 1950"; partial ISO dates ("1950-10", "1950") as far as known;
       anything else as written. -->
  <xsl:function name="pub:display-date" as="xs:string">
    <xsl:param name="when" as="xs:string?"/>
    <xsl:variable name="w" select="string($when)"/>
    <xsl:choose>
      <xsl:when test="$w castable as xs:date">
        <xsl:sequence select="format-date(xs:date($w), '[D] [MNn] [Y]', 'en', (), ())"/>
      </xsl:when>
      <xsl:when test="$w castable as xs:gYearMonth">
        <xsl:sequence select="format-date(xs:date($w || '-01'), '[MNn] [Y]', 'en', (), ())"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$w"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- "81-83" → "81–83": a hyphen between digits becomes an en dash. Without a regular expression
       (~0.1 ms a call in SaxonJS) where the answer is plain: no hyphen, or one between ASCII
       characters; otherwise replace() decides (other scripts' digits, several hyphens). -->
  <xsl:function name="pub:number-range" as="xs:string">
    <xsl:param name="value" as="xs:string"/>
    <xsl:variable name="before" select="substring-before($value, '-')"/>
    <xsl:variable name="after" select="substring-after($value, '-')"/>
    <xsl:variable name="left" select="substring($before, string-length($before))"/>
    <xsl:variable name="right" select="substring($after, 1, 1)"/>
    <xsl:choose>
      <xsl:when test="not(contains($value, '-'))">
        <xsl:sequence select="$value"/>
      </xsl:when>
      <xsl:when test="contains($after, '-') or string-to-codepoints($left || $right) &gt;= 128">
        <xsl:sequence select="replace($value, '(\d)-(\d)', '$1–$2')"/>
      </xsl:when>
      <xsl:when test="$left != '' and $right != '' and translate($left || $right, '0123456789', '') = ''">
        <xsl:sequence select="$before || '–' || $after"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$value"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The archival reference of one msIdentifier or altIdentifier, in the form historians cite:
       "APRF, fond 45, opis 1, delo 334, ll. 105–106". -->
  <xsl:function name="pub:archival-reference" as="xs:string">
    <xsl:param name="identifier" as="element()"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:sequence select="normalize-space($identifier/tei:repository)"/>
      <xsl:for-each select="$identifier/tei:idno[@type = 'archival']/tei:idno">
        <xsl:variable name="label" select="$pub:archival-labels(string(@type))"/>
        <xsl:sequence select="normalize-space(string-join(($label, pub:number-range(normalize-space(.))), ' '))"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="string-join($parts[. != ''], ', ')"/>
  </xsl:function>
</xsl:stylesheet>
