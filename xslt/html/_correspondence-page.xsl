<?xml version="1.0" encoding="UTF-8"?>
<!--
  correspondence/index.html: who wrote to whom, and when. A table of correspondence pairs and a
  timeline drawn as static SVG (one lane per pair, one dot per month sized by the number of
  telegrams), so the overview needs no script and prints.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:pub="urn:shifr:publish"
  xmlns:svg="http://www.w3.org/2000/svg"
  exclude-result-prefixes="#all">

  <!-- How many pairs get a lane in the timeline; the table lists them all. -->
  <xsl:variable name="pub:timeline-lanes" as="xs:integer" select="15"/>

  <xsl:template name="pub:correspondence-page">
    <!-- pairs of correspondents, most frequent first, counted by the publish step -->
    <xsl:variable name="pairs" as="map(*)*" select="$pub:edition?pairs?*"/>
    <xsl:result-document href="correspondence/index.html" format="page">
      <xsl:call-template name="pub:page">
        <xsl:with-param name="title" select="'Correspondence'"/>
        <xsl:with-param name="root" select="'../'"/>
        <xsl:with-param name="current" select="'correspondence'"/>
        <xsl:with-param name="content" as="node()*">
          <h1>Correspondence</h1>
          <p class="lead">Who wrote to whom, and when: <xsl:value-of select="$pub:edition?count"/> telegrams between <xsl:value-of select="count($pairs)"/> pairs of correspondents.</p>
          <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">Timeline</h2>
            <xsl:call-template name="pub:timeline">
              <xsl:with-param name="pairs" select="subsequence($pairs, 1, $pub:timeline-lanes)"/>
            </xsl:call-template>
          </section>
          <section aria-labelledby="pairs-heading">
            <h2 id="pairs-heading">Pairs of correspondents</h2>
            <table class="pairs">
              <thead>
                <tr><th scope="col">From</th><th scope="col">To</th><th scope="col">Telegrams</th><th scope="col">First</th><th scope="col">Last</th></tr>
              </thead>
              <tbody>
                <xsl:for-each select="$pairs">
                  <tr>
                    <td><xsl:call-template name="pub:party-link"><xsl:with-param name="party" select="?from"/></xsl:call-template></td>
                    <td><xsl:call-template name="pub:party-link"><xsl:with-param name="party" select="?to"/></xsl:call-template></td>
                    <td class="number"><xsl:value-of select="?count"/></td>
                    <td><xsl:if test="?first != ''"><time datetime="{?first}"><xsl:value-of select="pub:display-date(?first)"/></time></xsl:if></td>
                    <td><xsl:if test="?last != ''"><time datetime="{?last}"><xsl:value-of select="pub:display-date(?last)"/></time></xsl:if></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </section>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:result-document>
  </xsl:template>

  <xsl:template name="pub:party-link">
    <xsl:param name="party" as="map(*)"/>
    <xsl:choose>
      <xsl:when test="$party?ref != ''"><a href="{pub:person-href($party?ref, '../')}"><xsl:value-of select="$party?label"/></a></xsl:when>
      <xsl:otherwise><xsl:value-of select="$party?label"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- x: one column per month from the first year to the last; y: one lane per pair. -->
  <xsl:template name="pub:timeline">
    <xsl:param name="pairs" as="map(*)*"/>
    <xsl:variable name="years" select="$pub:edition?years?* ! xs:integer(.)"/>
    <xsl:if test="exists($years) and exists($pairs)">
      <xsl:variable name="y0" select="min($years)"/>
      <xsl:variable name="y1" select="max($years)"/>
      <xsl:variable name="label-width" select="280"/>
      <xsl:variable name="month" select="9"/>
      <xsl:variable name="lane" select="26"/>
      <xsl:variable name="width" select="$label-width + ($y1 - $y0 + 1) * 12 * $month + 10"/>
      <xsl:variable name="height" select="30 + count($pairs) * $lane"/>
      <!-- focusable: the chart is wider than a phone and must scroll from the keyboard too -->
      <figure class="timeline" tabindex="0">
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {$width} {$height}" width="{$width}" height="{$height}"
             role="img" aria-labelledby="timeline-title">
          <title id="timeline-title">Telegrams per month for the <xsl:value-of select="count($pairs)"/> most frequent pairs of correspondents, <xsl:value-of select="$y0"/>–<xsl:value-of select="$y1"/></title>
          <xsl:for-each select="$y0 to $y1">
            <xsl:variable name="x" select="$label-width + (. - $y0) * 12 * $month"/>
            <line x1="{$x}" y1="14" x2="{$x}" y2="{$height}" class="tick"/>
            <text x="{$x + 3}" y="12" class="year"><xsl:value-of select="."/></text>
          </xsl:for-each>
          <xsl:for-each select="$pairs">
            <xsl:variable name="y" select="30 + (position() - 1) * $lane + $lane idiv 2"/>
            <xsl:variable name="label" select="?from?label || ' → ' || ?to?label"/>
            <text x="0" y="{$y + 4}" class="lane-label"><xsl:value-of select="if (string-length($label) le 44) then $label else substring($label, 1, 43) || '…'"/></text>
            <line x1="{$label-width}" y1="{$y}" x2="{$width - 10}" y2="{$y}" class="lane"/>
            <xsl:variable name="pair" select="."/>
            <xsl:for-each select="map:keys(?months)" xmlns:map="http://www.w3.org/2005/xpath-functions/map">
              <xsl:variable name="n" select="$pair?months(current())"/>
              <xsl:variable name="m" select="(xs:integer(substring(., 1, 4)) - $y0) * 12 + xs:integer(substring(., 6, 2)) - 1"/>
              <circle cx="{$label-width + $m * $month + $month div 2}" cy="{$y}" r="{min((3 + math:sqrt($n) * 1.5, 11))}" class="dot"
                      xmlns:math="http://www.w3.org/2005/xpath-functions/math">
                <title><xsl:value-of select="$pair?from?label"/> → <xsl:value-of select="$pair?to?label"/>, <xsl:value-of select="pub:display-date(.)"/>: <xsl:value-of select="$n"/> telegram<xsl:if test="$n gt 1">s</xsl:if></title>
              </circle>
            </xsl:for-each>
          </xsl:for-each>
        </svg>
        <figcaption>Each dot is a month in which the pair exchanged telegrams; larger dots, more telegrams. The table below lists every pair.</figcaption>
      </figure>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
