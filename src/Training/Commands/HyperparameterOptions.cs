using System.CommandLine;
using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Training.Commands;

/// <summary>
/// The <c>train</c> options made from <see cref="TrainingHyperparameters"/>: one option per property, named after it
/// in kebab case, its help from the property's <see cref="DescriptionAttribute"/>, its default from the record. So a
/// new hyperparameter reaches the command line without an edit here.
/// </summary>
internal sealed class HyperparameterOptions
{
    /// <summary>Spellings the command line had before the options were derived from the record.</summary>
    private static readonly Dictionary<string, string> Established = new(StringComparer.Ordinal)
    {
        [nameof(TrainingHyperparameters.Architecture)] = "--arch",
        [nameof(TrainingHyperparameters.DiffAug)] = "--diffaug",
    };

    /// <summary>Options whose values come from a list (shown in --help, refused by the parser otherwise).</summary>
    private static readonly Dictionary<string, IReadOnlyList<string>> Choices = new(StringComparer.Ordinal)
    {
        [nameof(TrainingHyperparameters.Architecture)] = TrainingHyperparameters.Architectures,
        [nameof(TrainingHyperparameters.Loss)] = TrainingHyperparameters.Losses,
    };

    private readonly List<(PropertyInfo Property, Func<ParseResult, object?> Read)> scalars = [];
    private readonly Option<double?> holdOutFraction;
    private readonly Option<long> holdOutSeed;

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public HyperparameterOptions(Command command)
    {
        var defaults = new TrainingHyperparameters();
        foreach (var property in typeof(TrainingHyperparameters).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType == typeof(HeldOutSplit))
            {
                continue;
            }

            var name = Established.GetValueOrDefault(property.Name) ?? "--" + JsonNamingPolicy.KebabCaseLower.ConvertName(property.Name);
            var description = property.GetCustomAttribute<DescriptionAttribute>()?.Description
                ?? throw new InvalidOperationException($"{nameof(TrainingHyperparameters)}.{property.Name} needs a [Description] for its --help");
            var add = typeof(HyperparameterOptions).GetMethod(nameof(Add), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(property.PropertyType);
            var choices = Choices.GetValueOrDefault(property.Name);
            var (option, read) = ((Option, Func<ParseResult, object?>))add.Invoke(null, [name, description, property.GetValue(defaults), choices])!;
            command.Options.Add(option);
            scalars.Add((property, read));
        }

        var heldOut = typeof(TrainingHyperparameters).GetProperty(nameof(TrainingHyperparameters.HeldOut))!;
        holdOutFraction = new Option<double?>("--hold-out-test-fraction")
        {
            Description = heldOut.GetCustomAttribute<DescriptionAttribute>()!.Description,
        };
        holdOutSeed = new Option<long>("--hold-out-split-seed") { Description = "The experiment's --split-seed for --hold-out-test-fraction.", DefaultValueFactory = _ => 0 };
        command.Options.Add(holdOutFraction);
        command.Options.Add(holdOutSeed);
    }

    /// <summary>The values given on the command line, the record's defaults for the others.</summary>
    public TrainingHyperparameters Read(ParseResult parse)
    {
        var values = new TrainingHyperparameters
        {
            HeldOut = parse.GetValue(holdOutFraction) is { } fraction ? new HeldOutSplit(fraction, parse.GetValue(holdOutSeed)) : null,
        };
        foreach (var (property, read) in scalars)
        {
            property.SetValue(values, read(parse));
        }

        return values;
    }

    /// <summary>An option of the property's type with the record's default, and how to read its value.</summary>
    private static (Option Option, Func<ParseResult, object?> Read) Add<T>(string name, string description, T defaultValue, IReadOnlyList<string>? choices)
    {
        var option = new Option<T>(name) { Description = description };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue;
        }

        if (choices is not null)
        {
            option.AcceptOnlyFromAmong([.. choices]);
        }

        return (option, parse => parse.GetValue(option));
    }
}
