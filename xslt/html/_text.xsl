<?xml version="1.0" encoding="UTF-8"?>
<!--
  The text of a telegram as parallel columns: original | translation.

  Alignment works like a diff with fixed anchors: the anchors are the original's paragraphs whose
  @corresp names a translation paragraph, kept only while the translation side moves forward (a
  crossing pair would reorder one text, so it is shown unpaired instead). Between two anchors
  each side's remaining blocks — openers, unpaired service notes, page breaks, closers — form one
  row, in place. Each row is one grid line, so paired paragraphs start at the same height.

  A quoted telegram (floatingText) is flattened into the rows so that its paragraphs align too,
  and boxed in every cell it reaches; cells where the box goes on above or below lose that edge.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:pub="urn:shifr:publish"
  exclude-result-prefixes="#all">

  <!-- Block-level TEI: one HTML block per element. -->
  <xsl:mode name="pub:block" on-no-match="fail" on-multiple-match="fail"/>
  <!-- Phrase-level TEI: the inside of a block. -->
  <xsl:mode name="pub:inline" on-no-match="fail" on-multiple-match="fail"/>

  <xsl:variable name="pub:language-names" as="map(xs:string, xs:string)"
    select="map{'ru':'Russian', 'en':'English', 'zh':'Chinese', 'ko':'Korean', 'de':'German', 'fr':'French'}"/>

  <xsl:function name="pub:language-name" as="xs:string">
    <xsl:param name="code" as="xs:string?"/>
    <xsl:sequence select="($pub:language-names(string($code)), string($code))[1]"/>
  </xsl:function>

  <!-- The blocks of a text division in reading order, quoted telegrams and nested divisions opened up. -->
  <xsl:function name="pub:blocks" as="element()*">
    <xsl:param name="div" as="element(tei:div)?"/>
    <xsl:sequence select="$div/descendant::*[not(self::tei:floatingText or self::tei:body or self::tei:div)]
                                            [parent::tei:div or parent::tei:body/parent::tei:floatingText]"/>
  </xsl:function>

  <!-- Renders the parallel text of $original and $translation (either may be absent).
       Rows and cells are written in place by nested xsl:for-each, not by templates called with
       parameters: SaxonJS binds each parameter of a call into a fresh hash trie (~3 µs a
       parameter), which at a dozen parameters a row was a tenth of a telegram's rendering. -->
  <xsl:template name="pub:parallel-text">
    <xsl:param name="original" as="element(tei:div)?"/>
    <xsl:param name="translation" as="element(tei:div)?"/>
    <xsl:variable name="o-blocks" select="pub:blocks($original)"/>
    <xsl:variable name="t-blocks" select="pub:blocks($translation)"/>
    <xsl:variable name="t-ids" as="xs:string*" select="$t-blocks ! (if (self::tei:p) then string(@xml:id) else '')"/>
    <!-- the anchors, flattened: position in the original, position in the translation, … -->
    <xsl:variable name="anchors" as="xs:integer*">
      <xsl:iterate select="$o-blocks">
        <xsl:param name="last" as="xs:integer" select="0"/>
        <xsl:variable name="target" select="if (self::tei:p/@corresp) then pub:ref-id(@corresp) else ''"/>
        <xsl:variable name="t" as="xs:integer" select="(index-of($t-ids, $target)[$target != ''], 0)[1]"/>
        <xsl:if test="$t gt $last">
          <xsl:sequence select="position(), $t"/>
          <xsl:next-iteration><xsl:with-param name="last" select="$t"/></xsl:next-iteration>
        </xsl:if>
      </xsl:iterate>
    </xsl:variable>
    <!-- row i runs from anchor i - 1 to anchor i (0 and count + 1 stand for the ends): the blocks
         between them unpaired, then the pair of anchor i -->
    <xsl:variable name="os" as="xs:integer+" select="0, $anchors[position() mod 2 = 1], count($o-blocks) + 1"/>
    <xsl:variable name="ts" as="xs:integer+" select="0, $anchors[position() mod 2 = 0], count($t-blocks) + 1"/>
    <xsl:variable name="o-lang" select="string(($original/@xml:lang, 'ru')[1])"/>
    <xsl:variable name="t-lang" select="string(($translation/@xml:lang, 'en')[1])"/>
    <xsl:variable name="sides" as="xs:string*" select="('original'[$original], 'translation'[$translation])"/>
    <div class="parallel{if (exists($original) and exists($translation)) then '' else ' single'}">
      <div class="row column-heads" aria-hidden="true">
        <xsl:if test="$original">
          <p class="cell original">Original (<xsl:value-of select="pub:language-name($o-lang)"/>)</p>
        </xsl:if>
        <xsl:if test="$translation">
          <p class="cell translation">Translation (<xsl:value-of select="pub:language-name($t-lang)"/>)</p>
        </xsl:if>
      </div>
      <xsl:variable name="rows" as="xs:integer" select="count($os) - 1"/>
      <xsl:for-each select="1 to $rows">
        <xsl:variable name="i" as="xs:integer" select="."/>
        <xsl:variable name="o-at" as="xs:integer" select="$os[$i]"/>
        <xsl:variable name="o-next" as="xs:integer" select="$os[$i + 1]"/>
        <xsl:variable name="t-at" as="xs:integer" select="$ts[$i]"/>
        <xsl:variable name="t-next" as="xs:integer" select="$ts[$i + 1]"/>
        <xsl:for-each select="('unpaired'[$o-next - $o-at gt 1 or $t-next - $t-at gt 1], 'aligned'[$i lt $rows])">
          <xsl:variable name="kind" select="."/>
          <div class="row {$kind}">
            <!-- One side of a row; blocks of a quoted telegram are grouped into its box. -->
            <xsl:for-each select="$sides">
              <xsl:variable name="side" select="."/>
              <xsl:variable name="original-side" as="xs:boolean" select="$side = 'original'"/>
              <xsl:variable name="blocks" as="element()*" select="
                if ($kind = 'aligned') then (if ($original-side) then $o-blocks[$o-next] else $t-blocks[$t-next])
                else if ($original-side) then subsequence($o-blocks, $o-at + 1, $o-next - $o-at - 1)
                else subsequence($t-blocks, $t-at + 1, $t-next - $t-at - 1)"/>
              <div class="cell {$side}{if (empty($blocks)) then ' empty' else ''}" lang="{if ($original-side) then $o-lang else $t-lang}">
                <!-- nothing on this side here, but a quoted telegram runs on past this row: keep its box unbroken -->
                <xsl:if test="empty($blocks) and $kind = 'unpaired' and (if ($original-side) then pub:open-quote($o-blocks[$o-at], $o-blocks[$o-next]) else pub:open-quote($t-blocks[$t-at], $t-blocks[$t-next]))">
                  <div class="quoted continued-above continued-below"></div>
                </xsl:if>
                <xsl:choose>
                  <!-- a block of a quoted telegram is a child of its body (see pub:blocks) -->
                  <xsl:when test="empty($blocks/parent::tei:body)">
                    <xsl:apply-templates select="$blocks" mode="pub:block"/>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:for-each-group select="$blocks" group-adjacent="string(generate-id(ancestor::tei:floatingText[1]))">
                      <xsl:choose>
                        <xsl:when test="current-grouping-key() = ''">
                          <xsl:apply-templates select="current-group()" mode="pub:block"/>
                        </xsl:when>
                        <xsl:otherwise>
                          <xsl:variable name="all" select="pub:blocks-of-quote(ancestor::tei:floatingText[1])"/>
                          <xsl:variable name="first" select="current-group()[1] is $all[1]"/>
                          <xsl:variable name="last" select="current-group()[last()] is $all[last()]"/>
                          <div role="group" aria-label="{if ($original-side and starts-with($original/@xml:lang, 'ru')) then 'Цитируемая телеграмма' else 'Quoted telegram'}"
                               class="quoted{if ($first) then '' else ' continued-above'}{if ($last) then '' else ' continued-below'}">
                            <xsl:apply-templates select="current-group()" mode="pub:block"/>
                          </div>
                        </xsl:otherwise>
                      </xsl:choose>
                    </xsl:for-each-group>
                  </xsl:otherwise>
                </xsl:choose>
              </div>
            </xsl:for-each>
          </div>
        </xsl:for-each>
      </xsl:for-each>
    </div>
  </xsl:template>

  <!-- True when the blocks before and after a row belong to the same quoted telegram. -->
  <xsl:function name="pub:open-quote" as="xs:boolean">
    <xsl:param name="before" as="element()?"/>
    <xsl:param name="after" as="element()?"/>
    <xsl:variable name="q" select="$before/ancestor::tei:floatingText[1]"/>
    <xsl:sequence select="exists($q) and exists($after) and exists($after/ancestor::tei:floatingText[1] intersect $q)"/>
  </xsl:function>

  <xsl:function name="pub:blocks-of-quote" as="element()*">
    <xsl:param name="quote" as="element(tei:floatingText)"/>
    <xsl:sequence select="$quote/tei:body/*[not(self::tei:floatingText or self::tei:div)]"/>
  </xsl:function>

  <!-- A whole division shown on its own (a second Russian version, or a text without translation). -->
  <xsl:template name="pub:single-text">
    <xsl:param name="div" as="element(tei:div)"/>
    <xsl:call-template name="pub:parallel-text">
      <xsl:with-param name="original" select="$div"/>
      <xsl:with-param name="translation" select="()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== blocks ===================================================================== -->

  <xsl:template match="tei:p | tei:ab" mode="pub:block">
    <p>
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
      <xsl:if test="@corresp"><xsl:attribute name="data-corresp" select="pub:ref-id(@corresp)"/></xsl:if>
      <xsl:call-template name="pub:lang"/>
      <xsl:apply-templates mode="pub:inline"/>
    </p>
  </xsl:template>

  <xsl:template match="tei:head" mode="pub:block">
    <h3 class="text-head"><xsl:call-template name="pub:lang"/><xsl:apply-templates mode="pub:inline"/></h3>
  </xsl:template>

  <!-- Openers and closers keep their parts on lines of their own, as on the telegram form. -->
  <xsl:template match="tei:opener | tei:closer | tei:postscript" mode="pub:block">
    <div class="{local-name()}">
      <xsl:apply-templates select="*" mode="pub:part"/>
    </div>
  </xsl:template>

  <!-- A part of an opener or closer: a line of its own, classed by its TEI name and type. -->
  <xsl:mode name="pub:part" on-no-match="fail" on-multiple-match="fail"/>

  <xsl:template match="*" mode="pub:part">
    <p class="{string-join((local-name(), @type ! pub:class-token(.)), ' ')}">
      <xsl:call-template name="pub:lang"/>
      <xsl:apply-templates mode="pub:inline"/>
    </p>
  </xsl:template>

  <xsl:template match="tei:note | tei:pb | tei:list | tei:p | tei:fw | tei:gap" mode="pub:part" priority="1">
    <xsl:apply-templates select="." mode="pub:block"/>
  </xsl:template>

  <xsl:variable name="pub:note-labels" as="map(xs:string, xs:string)"
    select="map{'distribution':'Copies', 'deciphering':'Deciphering note', 'typing':'Typing note', 'dispatch':'Dispatch note',
                'registration':'Registration note', 'service':'Service note', 'certification':'Certification', 'editorial':'Editorial note'}"/>

  <!-- The editors' numbered notes, where the page prints them (the end of their version): the number, then the text;
       their anchors in the text link here. -->
  <xsl:template match="tei:note[@place = 'foot']" mode="pub:block" priority="1">
    <div role="note" class="note note-foot">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
      <xsl:call-template name="pub:lang"/>
      <span class="note-number"><xsl:value-of select="@n"/></span>
      <xsl:text> </xsl:text>
      <span class="note-text"><xsl:apply-templates mode="pub:inline"/></span>
    </div>
  </xsl:template>

  <!-- Archival service notes and copy lists: set apart and labelled, in the page's language of labels. -->
  <xsl:template match="tei:note" mode="pub:block">
    <div role="note" class="note note-{pub:class-token((@type, 'plain')[1])}">
      <xsl:call-template name="pub:lang"/>
      <xsl:variable name="label" select="$pub:note-labels(string(@type))"/>
      <xsl:if test="$label">
        <span class="note-label" lang="en"><xsl:value-of select="$label"/></span>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="tei:p | tei:list">
          <xsl:apply-templates select="node()" mode="pub:note-content"/>
        </xsl:when>
        <xsl:otherwise>
          <span class="note-text"><xsl:apply-templates mode="pub:inline"/></span>
        </xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <!-- Inside a note holding paragraphs or lists: blocks as blocks, loose text as phrases. -->
  <xsl:mode name="pub:note-content" on-no-match="fail" on-multiple-match="fail"/>
  <xsl:template match="tei:p | tei:list" mode="pub:note-content">
    <xsl:apply-templates select="." mode="pub:block"/>
  </xsl:template>
  <xsl:template match="text()[normalize-space() = '']" mode="pub:note-content"/>
  <xsl:template match="node()" mode="pub:note-content" priority="-1">
    <xsl:apply-templates select="." mode="pub:inline"/>
  </xsl:template>

  <xsl:template match="tei:list" mode="pub:block">
    <ul class="list">
      <xsl:call-template name="pub:lang"/>
      <xsl:for-each select="tei:item">
        <li><xsl:call-template name="pub:lang"/><xsl:apply-templates mode="pub:inline"/></li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <!-- A page break between blocks: the folio number where the next page of the original begins. -->
  <xsl:template match="tei:pb" mode="pub:block">
    <p class="pb" lang="en"><span class="pb-label">Page break<xsl:if test="@n"> — folio <xsl:value-of select="@n"/></xsl:if></span></p>
  </xsl:template>

  <!-- Running headers of the form: continuation headers, catchwords, letterheads. -->
  <xsl:template match="tei:fw" mode="pub:block">
    <p class="fw fw-{pub:class-token((@type, 'other')[1])}">
      <xsl:call-template name="pub:lang"/>
      <xsl:apply-templates mode="pub:inline"/>
    </p>
  </xsl:template>

  <!-- A gap between blocks ("[...]" on a line of its own, or where the page breaks off): shown as
       the inline gap is, on a line of its own. -->
  <xsl:template match="tei:gap" mode="pub:block">
    <p class="gap-block"><xsl:apply-templates select="." mode="pub:inline"/></p>
  </xsl:template>

  <xsl:template match="tei:lg" mode="pub:block">
    <div class="lg">
      <xsl:for-each select="tei:l">
        <p class="l"><xsl:apply-templates mode="pub:inline"/></p>
      </xsl:for-each>
    </div>
  </xsl:template>

  <xsl:template match="tei:table" mode="pub:block">
    <table class="tei-table">
      <xsl:for-each select="tei:row">
        <tr>
          <xsl:for-each select="tei:cell">
            <td><xsl:apply-templates mode="pub:inline"/></td>
          </xsl:for-each>
        </tr>
      </xsl:for-each>
    </table>
  </xsl:template>

  <!-- Any other block the encoder may add: its text, classed by element name, never dropped. -->
  <xsl:template match="*" mode="pub:block" priority="-1">
    <div class="tei-{local-name()}">
      <xsl:call-template name="pub:lang"/>
      <xsl:apply-templates mode="pub:inline"/>
    </div>
  </xsl:template>

  <!-- ===== phrases ==================================================================== -->

  <xsl:template match="text()" mode="pub:inline">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()" mode="pub:inline"/>

  <xsl:template match="tei:persName[@ref]" mode="pub:inline">
        <xsl:variable name="id" select="pub:ref-id(@ref)"/>
    <a class="person{if (@type = 'pseudonym') then ' pseudonym' else ''}" href="{pub:person-href($id, $pub:root)}">
      <xsl:if test="@type = 'pseudonym'">
        <xsl:attribute name="title" select="'pseudonym of ' || pub:person-name($id, .)"/>
      </xsl:if>
      <xsl:call-template name="pub:lang"/>
      <xsl:apply-templates mode="pub:inline"/>
    </a>
  </xsl:template>

  <xsl:template match="tei:placeName[@ref]" mode="pub:inline">
        <a class="place" href="{pub:place-href(pub:ref-id(@ref), $pub:root)}">
      <xsl:call-template name="pub:lang"/>
      <xsl:apply-templates mode="pub:inline"/>
    </a>
  </xsl:template>

  <!-- Editorial additions are the translator's or editor's words: bracketed and set off. -->
  <xsl:template match="tei:supplied" mode="pub:inline">
    <span class="supplied" title="editorial addition">[<xsl:apply-templates mode="pub:inline"/>]</span>
  </xsl:template>

  <xsl:template match="tei:gap" mode="pub:inline">
    <span class="gap" title="{if (@reason = 'omitted') then 'omitted in the source' else 'gap' || (@reason ! (': ' || .))}">[…]</span>
  </xsl:template>

  <!-- Where the archive's page breaks off, the reader must see that the text stops there, not that
       something was left out on purpose. -->
  <xsl:template match="tei:gap[@reason = 'truncated']" mode="pub:inline" priority="1">
    <span class="gap" title="the source page breaks off here">[… the source page breaks off here]</span>
  </xsl:template>

  <xsl:template match="tei:unclear" mode="pub:inline">
    <span class="unclear" title="reading uncertain"><xsl:apply-templates mode="pub:inline"/><span class="unclear-mark">[?]</span></span>
  </xsl:template>

  <xsl:template match="tei:hi[@rend = 'handwritten']" mode="pub:inline" priority="1">
    <span class="handwritten" title="handwritten in the original"><xsl:apply-templates mode="pub:inline"/></span>
  </xsl:template>

  <xsl:template match="tei:hi" mode="pub:inline">
    <span class="hi {@rend ! pub:class-token(.)}"><xsl:apply-templates mode="pub:inline"/></span>
  </xsl:template>

  <xsl:template match="tei:lb" mode="pub:inline">
    <br/>
  </xsl:template>

  <xsl:template match="tei:pb" mode="pub:inline">
    <span class="pb-inline" lang="en" title="page break{@n ! (', folio ' || .)}">|<xsl:value-of select="@n"/>|</span>
  </xsl:template>

  <xsl:template match="tei:date" mode="pub:inline">
    <xsl:choose>
      <xsl:when test="@when castable as xs:date or @when castable as xs:gYearMonth or @when castable as xs:gYear">
        <time datetime="{@when}"><xsl:apply-templates mode="pub:inline"/></time>
      </xsl:when>
      <xsl:otherwise>
        <span class="date"><xsl:apply-templates mode="pub:inline"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A numbered note's anchor: its number raised, linking to the note in the same page. -->
  <xsl:template match="tei:ref[@type = 'footnote']" mode="pub:inline" priority="1">
    <sup class="note-ref"><a href="#{substring-after(@target, '#')}" aria-label="note {.}"><xsl:value-of select="."/></a></sup>
  </xsl:template>

  <!-- Only safe targets become links (see _links.xsl); the others keep their text. -->
  <xsl:template match="tei:ref | tei:ptr" mode="pub:inline">
        <xsl:variable name="href" select="pub:safe-href(string(@target), $pub:root)"/>
    <xsl:choose>
      <xsl:when test="exists($href)">
        <a class="ref" href="{$href}">
          <xsl:apply-templates mode="pub:inline"/>
          <xsl:if test="self::tei:ptr"><xsl:value-of select="@target"/></xsl:if>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="ref unlinked"><xsl:apply-templates mode="pub:inline"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The anchor of a numbered note the page lost: its number raised, not linked. -->
  <xsl:template match="tei:note[@place = 'foot'][not(node())]" mode="pub:inline" priority="1">
    <sup class="note-ref note-lost" title="note {@n}: not in the source page"><xsl:value-of select="@n"/></sup>
  </xsl:template>

  <xsl:template match="tei:note" mode="pub:inline">
    <span class="note-inline note-{pub:class-token((@type, 'plain')[1])}" role="note">[<xsl:apply-templates mode="pub:inline"/>]</span>
  </xsl:template>

  <xsl:template match="tei:choice" mode="pub:inline">
    <xsl:variable name="shown" select="(tei:corr, tei:expan, tei:reg, *)[1]"/>
    <span class="choice" title="{string-join((* except $shown) ! normalize-space(.), ' / ')}">
      <xsl:apply-templates select="$shown/node()" mode="pub:inline"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:foreign" mode="pub:inline">
    <span class="foreign"><xsl:call-template name="pub:lang"/><xsl:apply-templates mode="pub:inline"/></span>
  </xsl:template>

  <xsl:template match="tei:list" mode="pub:inline">
    <xsl:apply-templates select="tei:item" mode="pub:inline"/>
  </xsl:template>

  <xsl:template match="tei:item" mode="pub:inline">
    <span class="item"><xsl:apply-templates mode="pub:inline"/></span>
  </xsl:template>

  <!-- Any other phrase (seg, idno, name, quote, …): its text in a span classed by name and type. -->
  <xsl:template match="*" mode="pub:inline" priority="-1">
    <span class="{string-join((local-name(), @type ! pub:class-token(.)), ' ')}">
      <xsl:call-template name="pub:lang"/>
      <xsl:apply-templates mode="pub:inline"/>
    </span>
  </xsl:template>

  <!-- Carries a TEI language change into HTML, so screen readers and search stem it right. -->
  <xsl:template name="pub:lang">
    <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
  </xsl:template>
</xsl:stylesheet>
