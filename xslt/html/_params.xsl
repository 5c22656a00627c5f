<?xml version="1.0" encoding="UTF-8"?>
<!--
  Every parameter of the HTML stylesheets, in one place. The orchestration (src/publish/) sets
  them; nothing else in xslt/html/ declares a global parameter, so this file is the whole
  customisation surface.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  exclude-result-prefixes="#all">

  <!-- The authority files (tei/persons.xml, places.xml, archives.xml), parsed once per worker and
       passed in as documents, so that no transform reads a file on its own (see src/xslt/saxon.ts).
       Absent authority files leave names as written and links out. -->
  <xsl:param name="persons" as="document-node()?" select="()"/>
  <xsl:param name="places" as="document-node()?" select="()"/>
  <xsl:param name="archives" as="document-node()?" select="()"/>

  <!-- Their entries by xml:id, map(xs:string, element()) (declared map(*): checking every entry
       of a map passed in costs SaxonJS about a millisecond a transform). Maps rather than xsl:key:
       SaxonJS does not keep a key's index for a document passed in as a parameter, and rescans it
       on every call. Left out, every transform builds them from the documents (SaxonJS: ~12 ms for
       this edition's files, a tenth of a batch of eight telegrams); the publish step builds them
       once per thread (the template pub:authority-lookups) and passes them in. -->
  <xsl:param name="persons-by-id" as="map(*)"
    select="map:merge($persons//tei:person[@xml:id] ! map{string(@xml:id): .}, map{'duplicates': 'use-first'})"/>
  <xsl:param name="places-by-id" as="map(*)"
    select="map:merge($places//tei:place[@xml:id] ! map{string(@xml:id): .}, map{'duplicates': 'use-first'})"/>
  <xsl:param name="orgs-by-id" as="map(*)"
    select="map:merge($archives//tei:org[@xml:id] ! map{string(@xml:id): .}, map{'duplicates': 'use-first'})"/>

  <!-- The edition's name, shown in every page header and in citations. -->
  <xsl:param name="edition-title" as="xs:string" select="'Soviet Ciphered Telegrams, 1947–1953'"/>

  <!-- True when the encoding guidelines (generated from the ODD by another step) exist in the site;
       the navigation links to them only then, so that no page carries a dead link. -->
  <xsl:param name="has-guidelines" as="xs:boolean" select="false()"/>

  <!-- telegram.xsl only: the telegrams rendered by its template pub:batch. -->
  <xsl:param name="telegrams" as="document-node()*" select="()"/>

  <!-- site.xsl only: the edition's figures as JSON, computed from every telegram's record — count,
       correspondents, years, mentions per person and place, letters sent and received, pairs of
       correspondents with their months (src/publish/edition.ts names each field). -->
  <xsl:param name="edition-json" as="xs:string" select="'{}'"/>

  <!-- site.xsl only: which person and place pages to write. An incremental publish writes only
       the pages of the people and places the changed telegrams name (before and after the
       change); the index pages are always written. -->
  <xsl:param name="all-entity-pages" as="xs:boolean" select="true()"/>
  <xsl:param name="person-pages" as="xs:string*" select="()"/>
  <xsl:param name="place-pages" as="xs:string*" select="()"/>
</xsl:stylesheet>
