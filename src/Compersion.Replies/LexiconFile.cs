using System.Reflection;

namespace Compersion.Replies;

/// <summary>One embedded word-list file, read into named sections (this library's own <c>Lexicon/*.txt</c>, or another assembly's in the same format).</summary>
/// <remarks>
/// The format is deliberately tiny: <c>[section]</c> starts a section, entries are separated by
/// commas or new lines, and a line starting with <c>#</c> is a comment. A missing file or section
/// is a packaging mistake, so it throws rather than returning an empty list.
/// </remarks>
public sealed class LexiconFile
{
    private const string ResourcePrefix = "Compersion.Replies.Lexicon.";

    private readonly Dictionary<string, List<string>> sections;
    private readonly string name;

    private LexiconFile(string name, Dictionary<string, List<string>> sections)
    {
        this.name = name;
        this.sections = sections;
    }

    /// <summary>Reads one of this library's own lexicon files (<c>Lexicon/*.txt</c>) by its file name, such as <c>social-en.txt</c>.</summary>
    internal static LexiconFile Load(string fileName) => Load(typeof(LexiconFile).Assembly, ResourcePrefix, fileName);

    /// <summary>Reads a lexicon file embedded in <paramref name="assembly"/> (another library's word lists in the same format).</summary>
    /// <param name="assembly">The assembly the file is embedded in.</param>
    /// <param name="resourcePrefix">The resource name's folder part, such as <c>Compersion.Core.Kindness.Lexicon.</c>.</param>
    /// <param name="fileName">The file name, such as <c>kindness-en.txt</c>.</param>
    public static LexiconFile Load(Assembly assembly, string resourcePrefix, string fileName)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var stream = assembly.GetManifestResourceStream(resourcePrefix + fileName)
            ?? throw new InvalidOperationException($"The lexicon '{fileName}' is not embedded in {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return Parse(fileName, reader.ReadToEnd());
    }

    /// <summary>Parses lexicon text (exposed for tests of the format itself).</summary>
    public static LexiconFile Parse(string name, string text)
    {
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                var section = line[1..^1].Trim();
                if (!sections.TryGetValue(section, out current))
                {
                    current = [];
                    sections.Add(section, current);
                }

                continue;
            }

            if (current is null)
            {
                throw new InvalidOperationException($"The lexicon '{name}' has entries before its first [section].");
            }

            foreach (var entry in line.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                current.Add(entry);
            }
        }

        return new LexiconFile(name, sections);
    }

    /// <summary>The entries of a section, in file order.</summary>
    public IReadOnlyList<string> Section(string section) =>
        sections.TryGetValue(section, out var entries)
            ? entries
            : throw new InvalidOperationException($"The lexicon '{name}' has no [{section}] section.");

    /// <summary>Whether the file has a section (for optional ones).</summary>
    public bool Has(string section) => sections.ContainsKey(section);

    /// <summary>A section as a set of words and phrases.</summary>
    public WordSet Words(string section) => new(Section(section));
}
