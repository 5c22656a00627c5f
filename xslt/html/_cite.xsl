<?xml version="1.0" encoding="UTF-8"?>
<!--
  "Cite this telegram": one formatted citation, a BibTeX entry and a CSL-JSON item, all built from
  the same few facts so that they never disagree. They are shown as text (never as script data),
  so whatever the TEI holds stays text.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:pub="urn:shifr:publish"
  exclude-result-prefixes="#all">

  <!-- The facts a citation needs, gathered once. -->
  <xsl:function name="pub:citation-facts" as="map(xs:string, item()*)">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="h" select="$tei/tei:teiHeader"/>
    <xsl:variable name="ms" select="$h/tei:fileDesc/tei:sourceDesc/tei:msDesc/tei:msIdentifier[tei:repository]"/>
    <xsl:variable name="bibl" select="$h/tei:fileDesc/tei:sourceDesc/tei:bibl[@type = 'wcda']"/>
    <xsl:sequence select="map{
      'id': string($tei/@xml:id),
      'title': pub:title($tei),
      'when': pub:telegram-date($tei),
      'authors': pub:party-labels($tei, 'sent'),
      'recipients': pub:party-labels($tei, 'received'),
      'archives': ($ms, $ms/tei:altIdentifier) ! pub:archival-reference(.),
      'translators': $h/tei:fileDesc/tei:titleStmt/tei:respStmt[matches(tei:resp, 'transl', 'i')]/tei:persName ! normalize-space(.),
      'record': normalize-space($bibl/tei:idno[@type = 'wcda'][1]),
      'url': string(($bibl/tei:ptr/@target ! pub:safe-href(., ''))[starts-with(., 'http')][1]),
      'doctype': pub:doctype($tei)
    }"/>
  </xsl:function>

  <xsl:template name="pub:cite">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="f" select="pub:citation-facts($tei)"/>
    <section class="cite" aria-labelledby="cite-heading">
      <h2 id="cite-heading">Cite this telegram</h2>
      <p class="citation" id="citation-text"><xsl:value-of select="pub:formatted-citation($f)"/></p>
      <details>
        <summary>BibTeX</summary>
        <pre><code class="bibtex"><xsl:value-of select="pub:bibtex($f)"/></code></pre>
      </details>
      <details>
        <summary>CSL-JSON</summary>
        <pre><code class="csl-json"><xsl:value-of select="serialize(pub:csl-json($f), map{'method':'json', 'indent':true()})"/></code></pre>
      </details>
    </section>
  </xsl:template>

  <!-- Author, "Title," date. Archives. Translators. Archive, record, URL. -->
  <xsl:function name="pub:formatted-citation" as="xs:string">
    <xsl:param name="f" as="map(xs:string, item()*)"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:if test="exists($f?authors)">
        <xsl:sequence select="string-join($f?authors, ', ') || (if (exists($f?recipients)) then ' to ' || string-join($f?recipients, ', ') else '') || ','"/>
      </xsl:if>
      <xsl:sequence select="'“' || $f?title || ',”'"/>
      <xsl:sequence select="pub:display-date($f?when) || '.'"/>
      <xsl:if test="exists($f?archives)"><xsl:sequence select="string-join($f?archives, '; ') || '.'"/></xsl:if>
      <xsl:if test="exists($f?translators)"><xsl:sequence select="'Translated by ' || string-join($f?translators, ' and ') || '.'"/></xsl:if>
      <xsl:sequence select="'Wilson Center Digital Archive' || (if ($f?record != '') then ', record ' || $f?record else '') || (if ($f?url != '') then ', ' || $f?url else '') || '.'"/>
    </xsl:variable>
    <xsl:sequence select="string-join($parts[. != '.'], ' ')"/>
  </xsl:function>

  <!-- BibTeX's special characters escaped, so a brace in a title cannot end the field. Most
       fields have none, and translate() finds that out without three regular expressions. -->
  <xsl:function name="pub:bibtex-text" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="if (translate($s, '\{}%&amp;$#_~', '') = $s) then $s else replace(replace(replace($s, '\\', '\\textbackslash '), '([{}%&amp;$#_])', '\\$1'), '~', '\\textasciitilde ')"/>
  </xsl:function>

  <xsl:function name="pub:bibtex" as="xs:string">
    <xsl:param name="f" as="map(xs:string, item()*)"/>
    <xsl:variable name="fields" as="xs:string*">
      <xsl:sequence select="'title = {' || pub:bibtex-text($f?title) || '}'"/>
      <xsl:if test="exists($f?authors)"><xsl:sequence select="'author = {' || string-join($f?authors ! ('{' || pub:bibtex-text(.) || '}'), ' and ') || '}'"/></xsl:if>
      <xsl:if test="$f?when != ''">
        <xsl:sequence select="'date = {' || pub:bibtex-text($f?when) || '}'"/>
        <xsl:sequence select="'year = {' || substring($f?when, 1, 4) || '}'"/>
      </xsl:if>
      <xsl:if test="exists($f?translators)"><xsl:sequence select="'translator = {' || string-join($f?translators ! pub:bibtex-text(.), ' and ') || '}'"/></xsl:if>
      <xsl:if test="exists($f?archives)"><xsl:sequence select="'note = {' || pub:bibtex-text(string-join($f?archives, '; ')) || '}'"/></xsl:if>
      <xsl:sequence select="'howpublished = {Wilson Center Digital Archive' || (if ($f?record != '') then ', record ' || pub:bibtex-text($f?record) else '') || '}'"/>
      <xsl:if test="$f?url != ''"><xsl:sequence select="'url = {' || pub:bibtex-text($f?url) || '}'"/></xsl:if>
    </xsl:variable>
    <xsl:sequence select="'@misc{' || replace($f?id, '[^A-Za-z0-9\-:]', '') || ',&#10;  ' || string-join($fields, ',&#10;  ') || '&#10;}'"/>
  </xsl:function>

  <xsl:function name="pub:csl-json" as="map(*)">
    <xsl:param name="f" as="map(xs:string, item()*)"/>
    <xsl:variable name="date-parts" select="array{ tokenize($f?when, '-')[. castable as xs:integer] ! xs:integer(.) }"/>
    <xsl:sequence select="map:merge((
      map{'id': $f?id, 'type': 'manuscript', 'title': $f?title, 'genre': $f?doctype,
          'archive': 'Wilson Center Digital Archive'},
      if (exists($f?authors)) then map{'author': array{ $f?authors ! map{'literal': .} }} else (),
      if (exists($f?recipients)) then map{'recipient': array{ $f?recipients ! map{'literal': .} }} else (),
      if (exists($f?translators)) then map{'translator': array{ $f?translators ! map{'literal': .} }} else (),
      if (array:size($date-parts) gt 0) then map{'issued': map{'date-parts': array{ $date-parts }}} else (),
      if (exists($f?archives)) then map{'archive_location': string-join($f?archives, '; ')} else (),
      if ($f?url != '') then map{'URL': $f?url} else (),
      if ($f?record != '') then map{'number': $f?record} else ()
    ))" xmlns:map="http://www.w3.org/2005/xpath-functions/map" xmlns:array="http://www.w3.org/2005/xpath-functions/array"/>
  </xsl:function>
</xsl:stylesheet>
