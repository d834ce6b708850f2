using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Hosting;

/// <summary>Turns a configuration failure at start-up into the one line a person needs to fix it.</summary>
public static class StartupProblem
{
    /// <summary>The reason when <paramref name="exception"/> comes from configuration; null for anything else.</summary>
    public static string? Describe(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case StartupRefusedException refused:
                    return OneLine(refused.Message);
                case OptionsValidationException validation:
                    return OneLine(string.Join("; ", validation.Failures));
                case InvalidOperationException when e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal):
                    return OneLine(e.Message);
            }
        }
        return null;
    }

    private static string OneLine(string text) => string.Join(" ", text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
