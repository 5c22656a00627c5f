<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry stylesheet: one TEI telegram → its HTML page (telegrams/<id>.html), and its record
  (_record.xsl) as the secondary result "<id>.record.json".
  The page is header (_header.xsl), parallel text (_text.xsl) and citation (_cite.xsl) inside the
  shared frame (_page.xsl). The publish workers start it at the template pub:batch with several
  telegrams at once (see src/publish/render.ts); applied to one document it renders that one.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:pub="urn:shifr:publish"
  exclude-result-prefixes="#all">

  <xsl:include href="_params.xsl"/>
  <xsl:include href="_links.xsl"/>
  <xsl:include href="_authority.xsl"/>
  <xsl:include href="_page.xsl"/>
  <xsl:include href="_header.xsl"/>
  <xsl:include href="_text.xsl"/>
  <xsl:include href="_cite.xsl"/>
  <xsl:include href="_records.xsl"/>
  <xsl:include href="_record.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" include-content-type="no" indent="no"/>

  <xsl:mode on-no-match="fail" on-multiple-match="fail"/>

  <xsl:template match="/">
    <xsl:apply-templates select="tei:TEI"/>
    <!-- src/publish/render.ts takes this result in memory; nothing is written at its URI -->
    <xsl:result-document href="{encode-for-uri(string(tei:TEI/@xml:id))}.record.json" method="json" encoding="UTF-8" indent="no">
      <xsl:apply-templates select="tei:TEI" mode="pub:record"/>
    </xsl:result-document>
  </xsl:template>

  <!-- Several telegrams in one transform: SaxonJS sets up every transform anew (the stylesheet's
       modes and global variables, such as the authority lookups), 10–20 % of a telegram's CPU time
       when each has a transform of its own. Page and record of the telegram at position N are the
       secondary results "N.html" and "N.record.json". -->
  <xsl:template name="pub:batch">
    <xsl:for-each select="$telegrams">
      <xsl:result-document href="{position()}.html">
        <xsl:apply-templates select="tei:TEI"/>
      </xsl:result-document>
      <xsl:result-document href="{position()}.record.json" method="json" encoding="UTF-8" indent="no">
        <xsl:apply-templates select="tei:TEI" mode="pub:record"/>
      </xsl:result-document>
    </xsl:for-each>
  </xsl:template>

  <!-- A telegram page lives in telegrams/, one level below the site root. A global, not a (tunnel)
       parameter: SaxonJS binds every parameter of a call anew, and the text's templates need it at
       every name. -->
  <xsl:variable name="pub:root" as="xs:string" select="'../'"/>

  <xsl:template match="tei:TEI">
    <xsl:call-template name="pub:page">
      <xsl:with-param name="title" select="pub:title(.)"/>
      <xsl:with-param name="root" select="$pub:root"/>
      <xsl:with-param name="description" select="normalize-space((tei:teiHeader//tei:msContents/tei:summary, tei:teiHeader/tei:profileDesc/tei:abstract)[1])"/>
      <xsl:with-param name="main-of" select="."/>
    </xsl:call-template>
  </xsl:template>

  <!-- The page's content: header, text and citation. -->
  <xsl:template match="tei:TEI" mode="pub:main">
    <xsl:variable name="divs" select="tei:text/tei:body/tei:div"/>
    <xsl:variable name="translation" select="($divs[@type = 'translation'], $divs[2][not(@type = 'original')])[1]"/>
    <!-- the original the translation is aligned with; other originals (a published transcript next
         to the archival copy) follow on their own -->
    <xsl:variable name="targets" select="$translation//tei:p/@corresp ! pub:ref-id(.)"/>
    <xsl:variable name="originals" select="$divs[@type = 'original'] | $divs[not(@type)][not(. is $translation)]"/>
    <xsl:variable name="original" select="($originals[.//tei:p/@xml:id = $targets], $originals)[1]"/>
        <article class="telegram" id="{@xml:id}">
          <xsl:apply-templates select="." mode="pub:header"/>
          <section class="text" aria-labelledby="text-heading">
            <h2 id="text-heading">Text</h2>
            <xsl:if test="$original and $translation">
              <fieldset class="view-switch">
                <legend>Show</legend>
                <input type="radio" name="view" id="view-both" value="both" checked=""/>
                <label for="view-both">Original and translation</label>
                <input type="radio" name="view" id="view-original" value="original"/>
                <label for="view-original">Original only</label>
                <input type="radio" name="view" id="view-translation" value="translation"/>
                <label for="view-translation">Translation only</label>
              </fieldset>
            </xsl:if>
            <xsl:call-template name="pub:parallel-text">
              <xsl:with-param name="original" select="$original"/>
              <xsl:with-param name="translation" select="$translation"/>
            </xsl:call-template>
          </section>
          <xsl:for-each select="$originals except $original">
            <section class="text other-version" aria-labelledby="{@xml:id}-heading">
              <h2 id="{@xml:id}-heading">
                <xsl:value-of select="if (@subtype = 'transcript') then 'Published transcript' else if (@subtype = 'archival') then 'Archival copy' else 'Another version'"/>
                <xsl:text> (</xsl:text><xsl:value-of select="pub:language-name(@xml:lang)"/><xsl:text>)</xsl:text>
              </h2>
              <xsl:call-template name="pub:single-text">
                <xsl:with-param name="div" select="."/>
              </xsl:call-template>
            </section>
          </xsl:for-each>
          <xsl:call-template name="pub:cite">
            <xsl:with-param name="tei" select="."/>
          </xsl:call-template>
        </article>
  </xsl:template>
</xsl:stylesheet>
