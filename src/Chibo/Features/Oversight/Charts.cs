using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Chibo.Features.Oversight;

/// <summary>One bar: its label, value, an optional second value drawn behind it (a target), and the list behind it.</summary>
public sealed record Bar(string Label, int Value, string? Href = null, int? Target = null);

/// <summary>
/// Charts drawn on the server as inline SVG: no script, readable by a screen reader (title and desc), the value
/// written beside each bar, and a viewBox that scales to a phone's width.
/// </summary>
public static class Charts
{
    private const int Row = 28, LabelWidth = 230, BarWidth = 300, Width = LabelWidth + BarWidth + 80;

    public static IHtmlContent Bars(string title, string description, IReadOnlyList<Bar> bars)
    {
        var max = Math.Max(1, bars.Select(b => Math.Max(b.Value, b.Target ?? 0)).DefaultIfEmpty(0).Max());
        var height = bars.Count * Row + 8;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{Id(title)}-t {Id(title)}-d\" preserveAspectRatio=\"xMinYMin meet\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{Id(title)}-t\">{E(title)}</title><desc id=\"{Id(title)}-d\">{E(description)}</desc>");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = i * Row + 4;
            var length = (int)Math.Round((double)BarWidth * bar.Value / max);
            var value = bar.Target is { } t ? $"{bar.Value} / {t}" : bar.Value.ToString(CultureInfo.InvariantCulture);
            svg.Append(CultureInfo.InvariantCulture, $"<g>");
            if (bar.Href is not null)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<a href=\"{E(bar.Href)}\">");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 17}\" text-anchor=\"end\" class=\"chart-label\">{E(bar.Label)}</text>");
            if (bar.Target is { } target)
            {
                var full = (int)Math.Round((double)BarWidth * target / max);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 2}\" width=\"{full}\" height=\"20\" class=\"chart-target\"/>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 2}\" width=\"{Math.Max(length, bar.Value > 0 ? 2 : 0)}\" height=\"20\" class=\"chart-bar\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + Math.Max(length, bar.Target is { } tt ? (int)Math.Round((double)BarWidth * tt / max) : 0) + 6}\" y=\"{y + 17}\" class=\"chart-value\">{E(value)}</text>");
            if (bar.Href is not null)
            {
                svg.Append("</a>");
            }

            svg.Append("</g>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>One bar split into parts (e.g. women and men), each part labelled with its count below the bar.</summary>
    public static IHtmlContent Stacked(string title, string description, IReadOnlyList<Bar> parts)
    {
        var total = Math.Max(1, parts.Sum(p => p.Value));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {40 + parts.Count * 22}\" role=\"img\" aria-labelledby=\"{Id(title)}-t {Id(title)}-d\" preserveAspectRatio=\"xMinYMin meet\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{Id(title)}-t\">{E(title)}</title><desc id=\"{Id(title)}-d\">{E(description)}</desc>");
        var x = 0.0;
        for (var i = 0; i < parts.Count; i++)
        {
            var width = (Width - 10.0) * parts[i].Value / total;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"4\" width=\"{width:0.#}\" height=\"24\" class=\"chart-part{i % 4}\"/>");
            x += width;
        }

        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var y = 50 + i * 22;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{y - 12}\" width=\"14\" height=\"14\" class=\"chart-part{i % 4}\"/>");
            var text = $"{part.Label}: {part.Value} ({OrganisationFigures.Percent(part.Value, parts.Sum(p => p.Value)) ?? 0}%)";
            svg.Append(part.Href is null
                ? $"<text x=\"22\" y=\"{y}\" class=\"chart-label\">{E(text)}</text>"
                : $"<a href=\"{E(part.Href)}\"><text x=\"22\" y=\"{y}\" class=\"chart-label\">{E(text)}</text></a>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>Escapes markup only: Vietnamese letters are written as they are.</summary>
    private static string E(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    private static string Id(string title) => "c" + ((uint)StringComparer.Ordinal.GetHashCode(title)).ToString("x", CultureInfo.InvariantCulture);
}
