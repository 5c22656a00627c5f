<?xml version="1.0" encoding="UTF-8"?>
<!--
  Every parameter of the HTML stylesheets, in one place. The orchestration (src/publish/) sets
  them; nothing else in xslt/html/ declares a global parameter, so this file is the whole
  customisation surface.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  exclude-result-prefixes="#all">

  <!-- The authority files (tei/persons.xml, places.xml, archives.xml), parsed once per worker and
       passed in as documents, so that no transform reads a file on its own (see src/xslt/saxon.ts).
       Absent authority files leave names as written and links out. -->
  <xsl:param name="persons" as="document-node()?" select="()"/>
  <xsl:param name="places" as="document-node()?" select="()"/>
  <xsl:param name="archives" as="document-node()?" select="()"/>

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
