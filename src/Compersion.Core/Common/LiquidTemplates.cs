using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;

namespace Compersion.Core.Common;

/// <summary>Liquid templates embedded in an assembly (the mail, and the web pages), parsed once and rendered as plain text or HTML.</summary>
/// <remarks>
/// HTML renders through an HTML encoder, so every value a template outputs is escaped unless the
/// template asks for <c>raw</c> (used only for fragments this class rendered itself). Text renders
/// unencoded. Variables are strict: a misspelt name in a template fails loudly instead of
/// silently printing nothing, so view models never carry nulls.
/// </remarks>
public sealed class LiquidTemplates
{
    private static readonly FluidParser DefaultParser = new();

    // Every script is allowed through as characters; only markup-significant characters are escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly Assembly assembly;
    private readonly string resourcePrefix;
    private readonly FluidParser parser;
    private readonly TemplateOptions options;
    private readonly ConcurrentDictionary<string, IFluidTemplate> parsed = new(StringComparer.Ordinal);

    /// <summary>Creates a template set over embedded resources named <c>{resourcePrefix}{name}.liquid</c>.</summary>
    /// <param name="assembly">The assembly embedding the templates.</param>
    /// <param name="resourcePrefix">The manifest-resource prefix, ending with a dot.</param>
    /// <param name="viewTypes">The view-model types templates may read (members are exposed in snake_case).</param>
    public LiquidTemplates(Assembly assembly, string resourcePrefix, IEnumerable<Type> viewTypes)
        : this(assembly, resourcePrefix, viewTypes, DefaultParser)
    {
    }

    /// <summary>Creates a template set whose templates may use the tags a parser of their own adds (the notes' blocks).</summary>
    /// <param name="assembly">The assembly embedding the templates.</param>
    /// <param name="resourcePrefix">The manifest-resource prefix, ending with a dot.</param>
    /// <param name="viewTypes">The view-model types templates may read (members are exposed in snake_case).</param>
    /// <param name="parser">The Liquid parser, with any tags of its own registered.</param>
    internal LiquidTemplates(Assembly assembly, string resourcePrefix, IEnumerable<Type> viewTypes, FluidParser parser)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(resourcePrefix);
        ArgumentNullException.ThrowIfNull(viewTypes);
        ArgumentNullException.ThrowIfNull(parser);
        this.assembly = assembly;
        this.resourcePrefix = resourcePrefix;
        this.parser = parser;
        options = new TemplateOptions
        {
            StrictVariables = true,
            StrictFilters = true,
            CultureInfo = CultureInfo.InvariantCulture,
        };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        foreach (var type in viewTypes)
        {
            options.MemberAccessStrategy.Register(type);
        }
    }

    /// <summary>Renders a template as plain text (nothing escaped).</summary>
    public string RenderText(string name, object view) => Render(name, view, NullEncoder.Default);

    /// <summary>Renders a template as HTML (every output escaped unless marked <c>raw</c>).</summary>
    public string RenderHtml(string name, object view) => Render(name, view, Html);

    /// <summary>Renders a template as plain text from named values instead of a view model.</summary>
    /// <param name="name">The template's name, without <c>.liquid</c>.</param>
    /// <param name="values">The variables the template reads; a name it reads that is missing here fails the render.</param>
    /// <param name="ambient">State the parser's own tags read and write while rendering (never visible to the template).</param>
    internal string RenderText(string name, IReadOnlyDictionary<string, object> values, IReadOnlyDictionary<string, object> ambient)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(ambient);
        var template = parsed.GetOrAdd(name, Parse);
        var context = new TemplateContext(options);
        foreach (var (key, value) in values)
        {
            context.SetValue(key, FluidValue.Create(value, options));
        }

        foreach (var (key, value) in ambient)
        {
            context.AmbientValues[key] = value;
        }

        return template.Render(context, NullEncoder.Default);
    }

    private string Render(string name, object view, TextEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(view);
        var template = parsed.GetOrAdd(name, Parse);
        var context = new TemplateContext(view, options, allowModelMembers: true);
        return template.Render(context, encoder);
    }

    private IFluidTemplate Parse(string name)
    {
        var resource = resourcePrefix + name + ".liquid";
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Liquid template '{resource}' is not embedded.");
        using var reader = new StreamReader(stream);
        var source = reader.ReadToEnd();
        if (!parser.TryParse(source, out var template, out var error))
        {
            throw new InvalidOperationException($"Liquid template '{resource}' does not parse: {error}");
        }

        return template;
    }
}
