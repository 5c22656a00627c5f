<?xml version="1.0" encoding="UTF-8"?>
<!--
  The frame every page shares: document head, skip link, site header with navigation, footer.
  Pages pass their main content in; links are relative ($root is "" or "../"), so the site works
  from any folder and from file://. Nothing is fetched from elsewhere: system fonts, local CSS/JS.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:pub="urn:shifr:publish"
  exclude-result-prefixes="#all">

  <xsl:template name="pub:page">
    <xsl:param name="title" as="xs:string" required="yes"/>
    <xsl:param name="root" as="xs:string" required="yes"/>
    <!-- which navigation entry is the current page: marked with aria-current -->
    <xsl:param name="current" as="xs:string" select="''"/>
    <xsl:param name="content" as="node()*" select="()"/>
    <!-- or, instead of $content, the node whose templates in mode pub:main write the content straight
         into the page (a telegram page: SaxonJS builds a parameter's nodes and then copies them) -->
    <xsl:param name="main-of" as="node()?" select="()"/>
    <xsl:param name="scripts" as="xs:string*" select="()"/>
    <xsl:param name="description" as="xs:string?" select="()"/>
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/> — <xsl:value-of select="$edition-title"/></title>
        <xsl:if test="$description">
          <meta name="description" content="{$description}"/>
        </xsl:if>
        <!-- an empty icon, so that browsers do not request /favicon.ico from wherever the site is -->
        <link rel="icon" href="data:,"/>
        <link rel="stylesheet" href="{$root}assets/site.css"/>
        <link rel="stylesheet" href="{$root}assets/print.css" media="print"/>
        <xsl:for-each select="$scripts">
          <script src="{$root}{.}" defer=""></script>
        </xsl:for-each>
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="site-header">
          <p class="site-title"><a href="{$root}index.html"><xsl:value-of select="$edition-title"/></a></p>
          <nav aria-label="Edition">
            <ul>
              <xsl:for-each select="(['telegrams', 'index.html', 'Telegrams'], ['persons', 'persons/index.html', 'Persons'],
                                     ['places', 'places/index.html', 'Places'], ['correspondence', 'correspondence/index.html', 'Correspondence'],
                                     ['search', 'search/index.html', 'Search'],
                                     if ($has-guidelines) then ['guidelines', 'guidelines/index.html', 'Encoding guidelines'] else ())">
                <li>
                  <a href="{$root}{?2}">
                    <xsl:if test="?1 = $current"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
                    <xsl:value-of select="?3"/>
                  </a>
                </li>
              </xsl:for-each>
            </ul>
          </nav>
        </header>
        <main id="main" tabindex="-1">
          <xsl:sequence select="$content"/>
          <xsl:apply-templates select="$main-of" mode="pub:main"/>
        </main>
        <footer class="site-footer">
          <p>Transcriptions and translations from the Wilson Center Digital Archive, encoded in TEI P5 by shifr.
            Every page links to its TEI source.</p>
        </footer>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
