namespace TrustGraph.Reports.Web;

/// <summary>
/// The stylesheet of the report as a file: inlined into the page (so it has no external files), with a print stylesheet so
/// the same page prints, or goes through headless Chromium, to a clean A4 PDF.
/// </summary>
internal static class ReportStyle
{
    public const string Css = """
        :root{--ink:#1d232b;--muted:#5b6573;--rule:#d8dde4;--paper:#fff;--met:#1c6b35;--met-bg:#e5f3e9;--not:#a4231b;--not-bg:#fbe9e7;
          --unk:#5a5f66;--unk-bg:#eef0f3;--warn:#8a5a00;--warn-bg:#fff3d6;--info:#1d5c8f;--info-bg:#e6f0f9;--accent:#23407a}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;background:#f4f5f7;color:var(--ink);font:15px/1.5 "Segoe UI",system-ui,-apple-system,"Helvetica Neue",Arial,sans-serif}
        main{max-width:1040px;margin:0 auto;padding:32px 40px 48px;background:var(--paper)}
        h1,h2,h3,h4{line-height:1.25;color:#111820}
        h1{font-size:2rem;margin:.1em 0 .2em}
        h2{font-size:1.35rem;margin:2.2em 0 .7em;padding-bottom:.25em;border-bottom:2px solid var(--accent)}
        h3{font-size:1.08rem;margin:1.4em 0 .5em}
        h4{font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:.8em 0 .3em}
        a{color:var(--accent)}
        cite{font-style:normal;color:var(--muted);font-size:.88em}
        code{font-family:ui-monospace,"SFMono-Regular",Consolas,monospace;font-size:.86em;background:#f1f3f5;padding:0 .25em;border-radius:3px}
        .cover{border-bottom:1px solid var(--rule);padding-bottom:1em}
        .kicker{margin:0;color:var(--accent);font-weight:600;text-transform:uppercase;letter-spacing:.08em;font-size:.78rem}
        .subtitle{margin:0 0 1em;color:var(--muted);font-size:1.05rem}
        .meta{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1.2em;margin:0;font-size:.92rem}
        .meta dt{font-weight:600;color:var(--muted)} .meta dd{margin:0}
        .toc ol{display:flex;flex-wrap:wrap;gap:.3em 1.4em;list-style:none;padding:0;margin:1em 0 0;font-size:.9rem}
        .tiles{display:grid;grid-template-columns:repeat(4,1fr);gap:12px;margin:0 0 1.2em}
        .tile{border-radius:8px;padding:12px 14px;border:1px solid var(--rule);display:flex;flex-direction:column}
        .tile .count{font-size:2rem;font-weight:700;line-height:1}
        .tile .label{font-weight:600;margin-top:.2em}
        .tile .detail{color:var(--muted);font-size:.84rem}
        .tile-met{background:var(--met-bg);border-color:#b9dcc4} .tile-met .count{color:var(--met)}
        .tile-notmet{background:var(--not-bg);border-color:#efc2bd} .tile-notmet .count{color:var(--not)}
        .tile-unknown{background:var(--unk-bg)} .tile-unknown .count{color:var(--unk)}
        .tile-findings{background:#f6f7f9}
        table{border-collapse:collapse;width:100%;margin:.4em 0 1em;font-size:.92rem}
        caption{text-align:left;font-weight:600;color:var(--muted);padding-bottom:.3em;font-size:.85rem}
        th,td{border-bottom:1px solid var(--rule);padding:.45em .55em;text-align:left;vertical-align:top}
        thead th{border-bottom:2px solid #aab3bf;font-size:.82rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
        tbody th{font-weight:600}
        td.num{text-align:right;font-variant-numeric:tabular-nums}
        .verdicts td:nth-child(2){white-space:nowrap}
        .verdict{display:inline-block;padding:.05em .55em;border-radius:999px;font-size:.82rem;font-weight:600;white-space:nowrap}
        .verdict.v-met{background:var(--met-bg);color:var(--met)}
        .verdict.v-notmet{background:var(--not-bg);color:var(--not)}
        .verdict.v-unknown{background:var(--unk-bg);color:var(--unk)}
        .sev{display:inline-block;padding:0 .45em;border-radius:4px;font-size:.72rem;font-weight:700;text-transform:uppercase;letter-spacing:.05em;vertical-align:middle}
        .sev-error{background:var(--not);color:#fff} .sev-warning{background:var(--warn-bg);color:var(--warn);border:1px solid #e8c77a}
        .sev-info{background:var(--info-bg);color:var(--info)}
        .gap{border:1px solid var(--rule);border-left:6px solid var(--not);border-radius:6px;padding:.2em 1.1em .8em;margin:0 0 1.1em}
        .gap.gap-warning{border-left-color:#d79a1b}
        .gap h3 .num{display:inline-block;min-width:1.6em;height:1.6em;line-height:1.6em;text-align:center;border-radius:50%;background:#111820;color:#fff;font-size:.85em;margin-right:.3em}
        .gap .sev{margin-left:.4em}
        .statement{margin:.3em 0} .citation{margin:.1em 0 .6em}
        .remedy{background:#eef6ff;border:1px solid #c6dcf5;border-radius:6px;padding:.55em .8em;margin:.6em 0}
        .remedy-inline{margin-top:.3em;color:#243b5a}
        .evidence dl{display:grid;grid-template-columns:6.5em 1fr;gap:.15em .8em;margin:0;font-size:.88rem}
        .evidence dt{font-weight:600;color:var(--muted)} .evidence dd{margin:0}
        .evidence ul{margin:0;padding-left:1.1em}
        .kind,.on,.section-ref{color:var(--muted);font-size:.85em}
        .unassessed{border-left:4px solid #b7bcc4;padding:.1em 0 .1em 1em;margin:0 0 1em}
        .unassessed h3{margin-top:.4em}
        .met-list dt{font-weight:600;margin-top:.7em} .met-list dd{margin:.15em 0 0 0}
        .refs{display:block;color:var(--muted);font-size:.82rem;margin-top:.2em}
        td.refs{display:table-cell;white-space:normal;min-width:9em}
        .ref{white-space:nowrap;overflow-wrap:normal;word-break:keep-all;hyphens:none}
        .note{color:var(--muted);font-size:.9rem}
        .omitted{background:var(--unk-bg);border-radius:6px;padding:.6em .9em;color:var(--unk)}
        .matrix{table-layout:fixed}
        .matrix thead th:first-child{width:26%}
        .matrix td{text-align:center}
        .matrix td .sev{margin-left:.25em}
        .matrix thead th{text-align:center;letter-spacing:0;text-transform:none;font-size:.85rem;color:#111820;overflow-wrap:break-word} .matrix thead th:first-child{text-align:left}
        .matrix .verdict{white-space:normal;padding:.05em .4em}
        .matrix tbody th a{color:inherit;text-decoration:none}
        .matrix td.v-met{background:var(--met-bg)} .matrix td.v-notmet{background:var(--not-bg)} .matrix td.v-unknown{background:var(--unk-bg)}
        .matrix tfoot td,.matrix tfoot th{font-size:.85rem;color:var(--muted);border-bottom:0}
        .partners td.cov-present{background:var(--met-bg);color:var(--met);font-weight:600}
        .partners td.cov-vacant{background:var(--warn-bg);color:var(--warn);font-weight:600}
        .partners td.cov-absent{background:var(--not-bg);color:var(--not);font-weight:600}
        .partners td.cov-unknown{background:var(--unk-bg);color:var(--unk)}
        .partners td.cov-na{color:#9aa1ab}
        .practice ul{padding-left:1.2em} .practice li{margin:.35em 0}
        .lacking{color:var(--not);font-weight:600}
        .reasons th{width:11em} .reasons td:nth-child(2){width:9em;text-align:center}
        figure.diagram{margin:1em 0;border:1px solid var(--rule);border-radius:6px;padding:.6em;text-align:center}
        figure.diagram svg{max-width:100%;height:auto}
        figcaption{color:var(--muted);font-size:.88rem;margin-top:.4em}
        .sources li{margin:.2em 0}
        footer{margin-top:3em;border-top:1px solid var(--rule);color:var(--muted);font-size:.82rem}
        @media (max-width:720px){main{padding:20px} .tiles{grid-template-columns:repeat(2,1fr)}}
        @media print{
          @page{size:A4;margin:16mm 10mm 18mm}
          body{background:#fff;font-size:10pt}
          main{max-width:none;padding:0}
          *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
          a{color:inherit;text-decoration:none}
          .toc{display:none}
          h2{break-after:avoid;page-break-after:avoid}
          h3,h4{break-after:avoid;page-break-after:avoid}
          .gap,.unassessed,.tile,tr,figure,.met-list dd,.practice li{break-inside:avoid;page-break-inside:avoid}
          thead{display:table-header-group} tfoot{display:table-row-group}
          .matrix{font-size:8.5pt} .matrix .sev{font-size:6.5pt} .matrix thead th{font-size:7.5pt}
          .matrix th,.matrix td{padding:.35em .3em} .matrix thead th:first-child{width:22%}
          .reason .citation,.reason .statement{break-after:avoid;page-break-after:avoid}
          #gaps,#analyses,#reasons{break-before:page;page-break-before:always}
          #diagrams{break-before:page;page-break-before:always}
          figure.diagram{padding:0;border:0;margin:0}
          figure.diagram svg{max-height:250mm}
        }
        """;
}
