using System.CommandLine;
using System.Globalization;
using Compersion.Core.Kindness;

namespace Compersion.Cli.Commands;

/// <summary><c>compersion ideas</c>: lists or counts the kindness idea catalog that ships with the product.</summary>
internal static class IdeasCommand
{
    public static Command Create()
    {
        var category = new Option<string?>("--category") { Description = "Only this category: " + string.Join(", ", KindnessNames.Categories.Select(KindnessNames.Name)) };
        var recipient = new Option<string?>("--recipient") { Description = "Only for this recipient: " + string.Join(", ", KindnessNames.Recipients.Select(KindnessNames.Name)) };
        var count = new Option<bool>("--count") { Description = "Print only how many ideas match" };
        var command = new Command("ideas", "List the kindness ideas (tab-separated: category, recipient, effort, cost, setting, text), or count them.") { category, recipient, count };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            KindCategory? wantedCategory = null;
            if (parse.GetValue(category) is { } categoryName)
            {
                if (!KindnessNames.TryParseCategory(categoryName, out var parsed) || parsed == KindCategory.Unclassified)
                {
                    error.WriteLine($"Unknown category '{categoryName}'. Use one of: {string.Join(", ", KindnessNames.Categories.Select(KindnessNames.Name))}.");
                    return 2;
                }

                wantedCategory = parsed;
            }

            KindRecipient? wantedRecipient = null;
            if (parse.GetValue(recipient) is { } recipientName)
            {
                if (!KindnessNames.TryParseRecipient(recipientName, out var parsed) || parsed == KindRecipient.Unclassified)
                {
                    error.WriteLine($"Unknown recipient '{recipientName}'. Use one of: {string.Join(", ", KindnessNames.Recipients.Select(KindnessNames.Name))}.");
                    return 2;
                }

                wantedRecipient = parsed;
            }

            var ideas = IdeaCatalog.Shipped.Where(wantedCategory, wantedRecipient).ToList();
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(count))
            {
                output.WriteLine(ideas.Count.ToString(CultureInfo.InvariantCulture));
                return 0;
            }

            foreach (var idea in ideas)
            {
                output.WriteLine(string.Join(
                    '\t',
                    KindnessNames.Name(idea.Category),
                    KindnessNames.Name(idea.Recipient),
                    idea.Effort.ToString(CultureInfo.InvariantCulture),
                    idea.Cost.ToString().ToLowerInvariant(),
                    idea.Setting.ToString().ToLowerInvariant(),
                    idea.Text));
            }

            return 0;
        });
        return command;
    }
}
