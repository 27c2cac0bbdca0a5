using System.Net;
using System.Text;
using TrustGraph.Analyses;
using TrustGraph.Guidance;
using TrustGraph.Model;

namespace TrustGraph.Reports;

/// <summary>
/// The reports as one self-contained HTML page: inline CSS with a print stylesheet (so the same file prints, or goes
/// through headless Chromium, to a clean PDF), no scripts, no external files. Every string from the data is
/// HTML-escaped; diagrams come in as SVG and are inlined only after <see cref="InlineSvg.Clean"/>.
/// </summary>
public static class HtmlReport
{
    /// <summary>
    /// The report for one arrangement. <paramref name="diagrams"/> are the authority's hierarchy and onion diagrams;
    /// when there are none, <paramref name="diagramsOmitted"/> says why, and the report prints that reason.
    /// </summary>
    public static string Write(GuidanceReport report, IReadOnlyList<ReportDiagram>? diagrams = null, string? diagramsOmitted = null)
    {
        var h = new StringBuilder();
        var title = $"{report.Authority.Name}: gaps against the statutory guidance";
        Open(h, title, $"{report.Authority.Name} · {ReportText.Arrangement(report.Subject)}");

        h.Append("<header class=\"cover\">");
        h.Append($"<p class=\"kicker\">{E(ReportText.ReportKicker)}</p>");
        h.Append($"<h1>{E(report.Authority.Name)}</h1>");
        h.Append($"<p class=\"subtitle\">Arrangement {E(ReportText.Arrangement(report.Subject))}</p>");
        h.Append("<dl class=\"meta\">");
        h.Append($"<dt>Arrangement judged</dt><dd>{E(Sentence(report.Subject.Why))}</dd>");
        h.Append($"<dt>Tier</dt><dd>{E(report.Authority.Tier?.ToWord() ?? "not recorded")}</dd>");
        h.Append($"<dt>Law applied</dt><dd>{E(ReportText.JudgedAgainst(report.Subject))}</dd>");
        if (report.Date is { } date) h.Append($"<dt>Prepared on</dt><dd>{E(ReportText.Date(date))}</dd>");
        h.Append("</dl></header>");

        h.Append("<nav class=\"toc\" aria-label=\"Contents\"><ol>"
            + "<li><a href=\"#summary\">Executive summary</a></li>"
            + "<li><a href=\"#gaps\">Gaps and remedies</a></li>"
            + "<li><a href=\"#unassessed\">What the papers do not say</a></li>"
            + "<li><a href=\"#met\">Requirements met</a></li>"
            + "<li><a href=\"#analyses\">Findings of the four analyses</a></li>"
            + "<li><a href=\"#diagrams\">Diagrams</a></li>"
            + "<li><a href=\"#sources\">Sources</a></li></ol></nav>");

        WriteSummary(h, report);
        WriteGaps(h, report);
        WriteUnassessed(h, report);
        WriteMet(h, report);
        WriteFindings(h, report);
        WriteDiagrams(h, diagrams ?? [], diagramsOmitted);
        WriteSources(h, report.Sources);
        Close(h);
        return h.ToString();
    }

    /// <summary>The comparator benchmark: matrices first, then what each could copy, then the reasons behind every cell.</summary>
    public static string Write(Comparison comparison)
    {
        var h = new StringBuilder();
        var names = comparison.Columns.Select(c => c.Label).ToList();
        Open(h, $"Comparator benchmark: {string.Join(", ", names)}", $"Comparator benchmark · {string.Join(", ", comparison.Columns.Select(c => c.Subject.Graph.Title))}");

        h.Append("<header class=\"cover\">");
        h.Append($"<p class=\"kicker\">{E(ReportText.ComparisonKicker)}</p>");
        h.Append($"<h1>{E(string.Join(", ", names))}</h1>");
        h.Append("<dl class=\"meta\">");
        foreach (var c in comparison.Columns)
            h.Append($"<dt>{E(c.Label)}</dt><dd>{E(Sentence(c.Subject.Why))} {E(ReportText.JudgedAgainst(c.Subject))}.</dd>");
        if (comparison.Date is { } date) h.Append($"<dt>Prepared on</dt><dd>{E(ReportText.Date(date))}</dd>");
        h.Append("</dl></header>");

        h.Append("<nav class=\"toc\" aria-label=\"Contents\"><ol>"
            + "<li><a href=\"#matrix\">Requirements by authority</a></li>"
            + "<li><a href=\"#metrics\">Structure metrics</a></li>"
            + "<li><a href=\"#learn\">What each could learn</a></li>"
            + "<li><a href=\"#partners\">Relevant partners on the Board</a></li>"
            + "<li><a href=\"#copy\">What each could copy</a></li>"
            + "<li><a href=\"#reasons\">Reasons, requirement by requirement</a></li>"
            + "<li><a href=\"#sources\">Sources</a></li></ol></nav>");

        h.Append("<section id=\"matrix\"><h2>Requirements by authority</h2>");
        h.Append("<table class=\"matrix\"><thead><tr><th scope=\"col\">Requirement</th>");
        foreach (var n in names) h.Append($"<th scope=\"col\">{E(n)}</th>");
        h.Append("</tr></thead><tbody>");
        foreach (var r in comparison.Requirements)
        {
            h.Append($"<tr><th scope=\"row\"><a href=\"#why-{E(r.Id)}\">{E(r.Title)}</a></th>");
            foreach (var c in comparison.Columns)
            {
                var v = c.VerdictFor(r);
                h.Append($"<td class=\"{Css(v.Status)}\" title=\"{E(v.Reason)}\">{Badge(v)}</td>");
            }
            h.Append("</tr>");
        }
        h.Append("</tbody><tfoot><tr><th scope=\"row\">Met / not met / cannot assess</th>");
        foreach (var c in comparison.Columns)
            h.Append($"<td>{c.Verdicts.Count(v => v.Status == VerdictStatus.Met)} / {c.Verdicts.Count(v => v.Status == VerdictStatus.NotMet)} / {c.Verdicts.Count(v => v.Status == VerdictStatus.CannotAssess)}</td>");
        h.Append("</tr></tfoot></table>");
        h.Append("<p class=\"note\">Each cell's reason is under <a href=\"#reasons\">Reasons</a>. "
            + "“Cannot assess” means the papers do not say; it is never a guess either way.</p></section>");

        h.Append("<section id=\"metrics\"><h2>Structure metrics</h2>");
        h.Append("<table class=\"metrics\"><thead><tr><th scope=\"col\">Metric</th>");
        foreach (var n in names) h.Append($"<th scope=\"col\">{E(n)}</th>");
        h.Append("</tr></thead><tbody>");
        foreach (var (measure, values) in comparison.MetricRows())
        {
            h.Append($"<tr><th scope=\"row\"><a href=\"#def-{E(measure.Id)}\">{E(measure.Label)}</a></th>");
            foreach (var value in values) h.Append($"<td class=\"num\">{E(value)}</td>");
            h.Append("</tr>");
        }
        h.Append("</tbody></table><dl class=\"definitions\">");
        foreach (var measure in Metrics.Measures.All)
            h.Append($"<dt id=\"def-{E(measure.Id)}\">{E(measure.Label)}</dt><dd>{E(measure.Definition)}</dd>");
        h.Append("</dl></section>");

        h.Append("<section id=\"learn\"><h2>What each could learn from the others</h2>");
        if (comparison.Lessons.Count == 0) h.Append("<p>On these measures no arrangement does better than another.</p>");
        else
        {
            h.Append("<ul class=\"lessons\">");
            foreach (var l in comparison.Lessons) h.Append($"<li><strong>{E(l.Learner)}, from {E(l.From)}:</strong> {E(l.Text)}</li>");
            h.Append("</ul>");
        }
        h.Append("</section>");

        h.Append("<section id=\"partners\"><h2>Relevant partners on the Board</h2>");
        h.Append("<p class=\"note\">Children Act 2004 s10(4), as in force on each arrangement's date. "
            + "Present: a filled seat; vacant: a seat with no one in it; absent: no seat; cannot assess: the papers do not give the membership, "
            + "or the partner exists only in some areas.</p>");
        h.Append("<table class=\"matrix partners\"><thead><tr><th scope=\"col\">Relevant partner</th>");
        foreach (var n in names) h.Append($"<th scope=\"col\">{E(n)}</th>");
        h.Append("</tr></thead><tbody>");
        foreach (var p in comparison.Partners)
        {
            h.Append($"<tr><th scope=\"row\">{E(p.Name)} <span class=\"section-ref\">{E(p.Section)}</span></th>");
            foreach (var c in comparison.Columns)
            {
                var coverage = Comparison.CoverageOf(c, p);
                var seats = coverage?.Seats.Select(ReportText.Seat).ToList() ?? [];
                h.Append($"<td class=\"cov-{CoverageCss(coverage?.Status)}\" title=\"{E(string.Join("; ", seats))}\">{E(Comparison.Label(coverage?.Status))}</td>");
            }
            h.Append("</tr>");
        }
        h.Append("</tbody></table></section>");

        h.Append("<section id=\"copy\"><h2>What each authority does that the others could copy</h2>");
        if (comparison.Practices.Count == 0)
            h.Append("<p>No authority meets a requirement that another does not meet.</p>");
        foreach (var group in comparison.Practices.GroupBy(p => p.By))
        {
            h.Append($"<article class=\"practice\"><h3>{E(group.Key.Label)}</h3><ul>");
            foreach (var p in group)
            {
                h.Append($"<li><strong>{E(p.Verdict.Requirement.Title)}.</strong> {E(p.Verdict.Reason)} ");
                h.Append($"<span class=\"lacking\">Not met by {E(FindingTextNames(p.NotMetBy.Select(c => c.Label)))}.</span>");
                h.Append(SourceList(comparison.Sources, p.Verdict.Evidence.Sources));
                h.Append("</li>");
            }
            h.Append("</ul></article>");
        }
        h.Append("</section>");

        h.Append("<section id=\"reasons\"><h2>Reasons, requirement by requirement</h2>");
        foreach (var r in comparison.Requirements)
        {
            h.Append($"<article class=\"reason\" id=\"why-{E(r.Id)}\"><h3>{E(r.Title)}</h3>");
            h.Append($"<p class=\"statement\">{E(r.Statement)}</p><p class=\"citation\"><cite>{E(r.Citation)}</cite></p>");
            h.Append("<table class=\"reasons\"><tbody>");
            foreach (var c in comparison.Columns)
            {
                var v = c.VerdictFor(r);
                h.Append($"<tr><th scope=\"row\">{E(c.Label)}</th><td class=\"{Css(v.Status)}\">{Badge(v)}</td><td>{E(v.Reason)}");
                if (v.Remedy is not null) h.Append($"<div class=\"remedy-inline\"><strong>Remedy:</strong> {E(v.Remedy)}</div>");
                h.Append("</td></tr>");
            }
            h.Append("</tbody></table></article>");
        }
        h.Append("</section>");

        WriteSources(h, comparison.Sources);
        Close(h);
        return h.ToString();
    }

    private static void WriteSummary(StringBuilder h, GuidanceReport report)
    {
        h.Append("<section id=\"summary\"><h2>Executive summary</h2>");
        h.Append("<div class=\"tiles\">");
        Tile(h, "met", report.Count(VerdictStatus.Met), "requirements met", null);
        Tile(h, "notmet", report.Count(VerdictStatus.NotMet), "not met",
            $"{ReportText.Plural(report.GapCount(Severity.Error), "error")}, {ReportText.Plural(report.GapCount(Severity.Warning), "warning")}");
        Tile(h, "unknown", report.Count(VerdictStatus.CannotAssess), "cannot assess", "the papers do not say");
        Tile(h, "findings", report.Findings.Count, "analysis findings",
            $"{ReportText.Plural(report.FindingCount(Severity.Error), "error")}, {ReportText.Plural(report.FindingCount(Severity.Warning), "warning")}, {report.FindingCount(Severity.Info)} info");
        h.Append("</div>");

        h.Append("<table class=\"verdicts\"><caption>One line per requirement</caption><thead><tr>"
            + "<th scope=\"col\">Requirement</th><th scope=\"col\">Verdict</th><th scope=\"col\">In one line</th></tr></thead><tbody>");
        foreach (var v in report.Verdicts)
        {
            var target = v.Status switch { VerdictStatus.NotMet => "gap-", VerdictStatus.CannotAssess => "unassessed-", _ => "met-" } + v.Requirement.Id;
            h.Append($"<tr class=\"{Css(v.Status)}\"><th scope=\"row\"><a href=\"#{E(target)}\">{E(v.Requirement.Title)}</a></th>"
                + $"<td>{Badge(v)}</td><td>{E(ReportText.OneLine(v))}</td></tr>");
        }
        h.Append("</tbody></table></section>");
    }

    private static void Tile(StringBuilder h, string css, int count, string label, string? detail)
    {
        h.Append($"<div class=\"tile tile-{css}\"><span class=\"count\">{count}</span><span class=\"label\">{E(label)}</span>");
        if (detail is not null) h.Append($"<span class=\"detail\">{E(detail)}</span>");
        h.Append("</div>");
    }

    private static void WriteGaps(StringBuilder h, GuidanceReport report)
    {
        h.Append("<section id=\"gaps\"><h2>Gaps and remedies</h2>");
        if (report.Gaps.Count == 0)
            h.Append("<p>No requirement is unmet on the evidence of the papers.</p>");
        var n = 0;
        foreach (var v in report.Gaps)
        {
            h.Append($"<article class=\"gap gap-{SeverityCss(v.Severity)}\" id=\"gap-{E(v.Requirement.Id)}\">");
            h.Append($"<h3><span class=\"num\">{++n}</span> {E(v.Requirement.Title)} <span class=\"sev sev-{SeverityCss(v.Severity)}\">{E(ReportText.SeverityLabel(v.Severity))}</span></h3>");
            h.Append($"<p class=\"statement\"><strong>Requirement.</strong> {E(v.Requirement.Statement)}</p>");
            h.Append($"<p class=\"citation\"><cite>{E(v.Requirement.Citation)}</cite></p>");
            h.Append($"<p class=\"finding\"><strong>What the papers show.</strong> {E(v.Reason)}</p>");
            if (v.Remedy is not null) h.Append($"<p class=\"remedy\"><strong>Remedy.</strong> {E(v.Remedy)}</p>");
            WriteEvidence(h, report, v.Evidence);
            h.Append("</article>");
        }
        h.Append("</section>");
    }

    private static void WriteUnassessed(StringBuilder h, GuidanceReport report)
    {
        h.Append("<section id=\"unassessed\"><h2>What the papers do not say</h2>");
        if (report.Unassessed.Count == 0)
            h.Append("<p>Every requirement could be assessed from the papers.</p>");
        else
            h.Append("<p class=\"note\">These requirements cannot be judged from the papers. Each says what is missing; add it to the dataset (with its source) to have it checked.</p>");
        foreach (var v in report.Unassessed)
        {
            h.Append($"<article class=\"unassessed\" id=\"unassessed-{E(v.Requirement.Id)}\"><h3>{E(v.Requirement.Title)}</h3>");
            h.Append($"<p>{E(v.Reason)}</p>");
            h.Append($"<p class=\"citation\"><cite>{E(v.Requirement.Citation)}</cite></p>");
            h.Append(SourceList(report.Sources, v.Evidence.Sources));
            h.Append("</article>");
        }
        h.Append("</section>");
    }

    private static void WriteMet(StringBuilder h, GuidanceReport report)
    {
        h.Append("<section id=\"met\"><h2>Requirements met</h2>");
        if (report.MetRequirements.Count == 0) h.Append("<p>None.</p>");
        h.Append("<dl class=\"met-list\">");
        foreach (var v in report.MetRequirements)
        {
            h.Append($"<dt id=\"met-{E(v.Requirement.Id)}\">{E(v.Requirement.Title)}</dt>");
            h.Append($"<dd>{E(v.Reason)} <cite>{E(v.Requirement.Citation)}</cite>{SourceList(report.Sources, v.Evidence.Sources)}</dd>");
        }
        h.Append("</dl></section>");
    }

    private static void WriteFindings(StringBuilder h, GuidanceReport report)
    {
        h.Append("<section id=\"analyses\"><h2>Findings of the four analyses</h2>");
        h.Append("<p class=\"note\">Duplicated membership, missing relevant partners, accountability cycles and gaps in reporting to the LSP, "
            + "for the same arrangement, as <code>trustgraph analyse</code> reports them.</p>");
        if (report.Findings.Count == 0) h.Append("<p>No findings.</p>");
        foreach (var group in report.Findings.GroupBy(f => f.Check))
        {
            h.Append($"<h3>{E(CheckTitles.Of(group.Key))}</h3><table class=\"findings\"><thead><tr><th scope=\"col\">Severity</th>"
                + "<th scope=\"col\">Finding</th><th scope=\"col\">Sources</th></tr></thead><tbody>");
            foreach (var f in group.OrderByDescending(f => f.Severity))
            {
                h.Append($"<tr><td><span class=\"sev sev-{SeverityCss(f.Severity)}\">{E(ReportText.SeverityLabel(f.Severity))}</span></td><td>{E(f.Message)}");
                if (f.Remedy is not null) h.Append($"<div class=\"remedy-inline\"><strong>Remedy:</strong> {E(f.Remedy)}</div>");
                h.Append($"</td><td class=\"refs\">{string.Join("; ", f.Sources.Select(Token))}</td></tr>");
            }
            h.Append("</tbody></table>");
        }
        WriteInferred(h, report);
        h.Append("</section>");
    }

    private static void WriteInferred(StringBuilder h, GuidanceReport report)
    {
        var facts = report.InferredFacts;
        h.Append("<h3 id=\"inferred\">Inferred facts these findings rely on</h3>");
        if (facts.Count == 0)
        {
            h.Append("<p class=\"note\">None: every row the findings rest on is stated in the papers in so many words.</p>");
            return;
        }
        h.Append($"<p class=\"note\">{E(ReportText.Plural(facts.Count, "row"))} of the dataset {(facts.Count == 1 ? "is a reading" : "are readings")} the papers support but do not state "
            + "(an invitee list taken as a membership, a category guessed from an agency's name). Check them before relying on the findings.</p>");
        h.Append("<table class=\"inferred\"><thead><tr><th scope=\"col\">Row</th><th scope=\"col\">What it rests on</th><th scope=\"col\">Findings</th></tr></thead><tbody>");
        foreach (var fact in facts)
            h.Append($"<tr><td><span class=\"ref\">{E(fact.Row.ToString())}</span></td><td>{E(fact.Row.Note ?? "no note given")}</td>"
                + $"<td>{E(string.Join("; ", fact.Findings.Select(f => CheckTitles.Of(f.Check)).Distinct()))} ({E(ReportText.Plural(fact.Findings.Count, "finding"))})</td></tr>");
        h.Append("</tbody></table>");
    }

    private static void WriteDiagrams(StringBuilder h, IReadOnlyList<ReportDiagram> diagrams, string? omitted)
    {
        h.Append("<section id=\"diagrams\"><h2>Diagrams</h2>");
        var drawn = 0;
        foreach (var d in diagrams)
        {
            var (svg, problem) = InlineSvg.Clean(d.Svg);
            if (svg is null)
            {
                h.Append($"<p class=\"omitted\">The diagram “{E(d.Title)}” is not included: {E(problem!)}.</p>");
                continue;
            }
            h.Append($"<figure class=\"diagram\">{svg}<figcaption>{E(d.Title)}</figcaption></figure>");
            drawn++;
        }
        if (diagrams.Count == 0)
            h.Append($"<p class=\"omitted\">Diagrams are not included ({E(omitted ?? "no diagrams were supplied")}).</p>");
        else if (drawn == 0 && omitted is not null)
            h.Append($"<p class=\"omitted\">{E(omitted)}</p>");
        h.Append("</section>");
    }

    private static void WriteEvidence(StringBuilder h, GuidanceReport report, Evidence evidence)
    {
        if (evidence.IsEmpty) return;
        var graph = report.Subject.Graph;
        string Body(string id) => graph.Contains(id) ? graph.Body(id).Name : id;
        h.Append("<div class=\"evidence\"><h4>Evidence</h4><dl>");
        if (evidence.Bodies.Count > 0)
            h.Append("<dt>Bodies</dt><dd><ul>" + string.Concat(evidence.Bodies.Select(b => $"<li>{E(b.Name)} <span class=\"kind\">{E(b.Kind.ToWord())}</span></li>")) + "</ul></dd>");
        if (evidence.Seats.Count > 0)
            h.Append("<dt>Seats</dt><dd><ul>" + string.Concat(evidence.Seats.Select(s => $"<li>{E(ReportText.Seat(s))} <span class=\"on\">on {E(Body(s.Body))}</span></li>")) + "</ul></dd>");
        if (evidence.Duties.Count > 0)
            h.Append("<dt>Duties</dt><dd><ul>" + string.Concat(evidence.Duties.Select(d => $"<li>{E(Body(d.Body))}: <q>{E(d.Text)}</q></li>")) + "</ul></dd>");
        if (evidence.Lines.Count > 0)
            h.Append("<dt>Lines</dt><dd><ul>" + string.Concat(evidence.Lines.Select(l => $"<li>{E(ReportText.Line(graph, l))}</li>")) + "</ul></dd>");
        h.Append("<dt>Sources</dt><dd><ul>" + string.Concat(SourceText.Grouped(report.Sources, evidence.Sources).Select(s => $"<li>{E(s)}</li>")) + "</ul></dd>");
        h.Append("</dl></div>");
    }

    private static string SourceList(IReadOnlyList<Source> sources, IReadOnlyList<SourceRef> refs) =>
        refs.Count == 0 ? "" : $"<span class=\"refs\">Sources: {string.Join("; ", SourceText.Grouped(sources, refs).Select(Token))}</span>";

    /// <summary>
    /// A source reference that a line may not break inside ("calderdale-model-2#ice-membership" stays whole, since a
    /// reader types it to find the row); titles before it wrap as usual.
    /// </summary>
    private static string Token(string text)
    {
        var open = text.LastIndexOf(" (", StringComparison.Ordinal);
        if (open < 0) return $"<span class=\"ref\">{E(text)}</span>";
        var rest = text[(open + 2)..];
        var close = rest.IndexOf(')');
        return close < 0 ? E(text) : $"{E(text[..(open + 2)])}<span class=\"ref\">{E(rest[..close])}</span>{E(rest[close..])}";
    }

    private static void WriteSources(StringBuilder h, IReadOnlyList<Source> sources)
    {
        h.Append("<section id=\"sources\"><h2>Sources</h2><ul class=\"sources\">");
        foreach (var s in sources)
            h.Append($"<li><code>{E(s.Id)}</code> {E(SourceText.Describe(s))}</li>");
        h.Append("</ul></section>");
    }

    private static void Open(StringBuilder h, string title, string running = "")
    {
        h.Append("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">");
        h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        h.Append("<meta name=\"generator\" content=\"TrustGraph\">");
        // The running header (authority, arrangement) and page numbers, printed in the page margins by Chromium's
        // CSS paged media; the text is data, so it goes in as a CSS string with every awkward character escaped.
        var margins = "@media print{@page{@top-left{content:" + CssString(running) + ";font-size:8pt;color:#5b6573}"
            + "@bottom-right{content:\"Page \" counter(page) \" of \" counter(pages);font-size:8pt;color:#5b6573}}}";
        h.Append($"<title>{E(title)}</title><style>{Style}{margins}</style></head><body><main>");
    }

    private static void Close(StringBuilder h) =>
        h.Append("<footer><p>Prepared with TrustGraph from the dataset's papers. Verdicts rest only on what the papers record; "
            + "“cannot assess” marks a question they do not answer.</p></footer></main></body></html>\n");

    private static string Badge(Verdict v)
    {
        var severity = v.Status == VerdictStatus.NotMet ? $" <span class=\"sev sev-{SeverityCss(v.Severity)}\">{E(ReportText.SeverityLabel(v.Severity))}</span>" : "";
        return $"<span class=\"verdict {Css(v.Status)}\">{E(v.Status.Label())}</span>{severity}";
    }

    private static string Css(VerdictStatus status) => status switch
    {
        VerdictStatus.Met => "v-met",
        VerdictStatus.NotMet => "v-notmet",
        _ => "v-unknown",
    };

    private static string SeverityCss(Severity severity) => severity.ToString().ToLowerInvariant();

    private static string CoverageCss(CoverageStatus? status) => status switch
    {
        CoverageStatus.Present => "present",
        CoverageStatus.Vacant => "vacant",
        CoverageStatus.Absent => "absent",
        CoverageStatus.CannotAssess => "unknown",
        null => "unknown",
        _ => "na",
    };

    private static string Sentence(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..] + (text.EndsWith('.') ? "" : ".");

    private static string FindingTextNames(IEnumerable<string> names) => FindingText.Names(names);

    /// <summary>
    /// A CSS string literal of a data string: quotes, backslashes, angle brackets (so no "&lt;/style&gt;"), ampersands,
    /// control characters and direction overrides become hex escapes; everything else is kept.
    /// </summary>
    public static string CssString(string text)
    {
        var css = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c < 0x20 || c == 0x7f || c is '"' or '\\' or '<' or '>' or '&' || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069' || c is '\u2028' or '\u2029')
                css.Append('\\').Append(((int)c).ToString("X", System.Globalization.CultureInfo.InvariantCulture)).Append(' ');
            else
                css.Append(c);
        }
        return css.Append('"').ToString();
    }

    /// <summary>HTML-escapes a data string for text and attribute values (&amp;, &lt;, &gt;, quotes).</summary>
    public static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """
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
          @page{size:A4;margin:16mm 14mm 18mm}
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
          figure.diagram svg{max-height:240mm}
        }
        """;
}
