using System.Collections;
using System.Reflection;

namespace MelanoGans.Server.Tests.Events;

/// <summary>
/// Builds an instance of any contract type by reflection with no member left at its default (strings "x", numbers
/// 7, doubles NaN, enums their last value, one element per collection), so a member lost on the wire shows.
/// </summary>
internal static class EventSamples
{
    public static object Of(Type type) => Sample(type, 0) ?? throw new InvalidOperationException($"cannot build a {type}");

    private static object? Sample(Type type, int depth)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying) return Sample(underlying, depth);
        if (type == typeof(string)) return "x";
        if (type == typeof(bool)) return true;
        if (type == typeof(int)) return 7;
        if (type == typeof(long)) return 7L;
        if (type == typeof(short)) return (short)7;
        if (type == typeof(byte)) return (byte)7;
        // A diverging run reports NaN losses; they must cross too.
        if (type == typeof(double)) return double.NaN;
        if (type == typeof(float)) return 2.5f;
        if (type == typeof(decimal)) return 3.5m;
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        if (type == typeof(DateTime)) return new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        if (type == typeof(TimeSpan)) return TimeSpan.FromSeconds(90);
        if (type == typeof(Guid)) return new Guid("0f8fad5b-d9cb-469f-a165-70867728950e");
        if (type.IsEnum) return Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1);
        if (depth > 8) return null;

        if (type.IsArray)
        {
            var array = Array.CreateInstance(type.GetElementType()!, 1);
            array.SetValue(Sample(type.GetElementType()!, depth + 1), 0);
            return array;
        }

        if (type.IsGenericType && DictionaryArguments(type) is { } kv)
        {
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(kv))!;
            dictionary.Add(Sample(kv[0], depth + 1)!, Sample(kv[1], depth + 1));
            return dictionary;
        }

        if (type.IsGenericType && ElementType(type) is { } element)
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            list.Add(Sample(element, depth + 1));
            return list;
        }

        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"{type} has no public constructor");
        var instance = constructor.Invoke(constructor.GetParameters().Select(p => Sample(p.ParameterType, depth + 1)).ToArray());
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
            property.SetValue(instance, Sample(property.PropertyType, depth + 1));
        return instance;
    }

    private static Type[]? DictionaryArguments(Type type)
    {
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>)
            ? type.GetGenericArguments()
            : null;
    }

    private static Type? ElementType(Type type)
    {
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IEnumerable<>)
               || definition == typeof(ICollection<>) || definition == typeof(IReadOnlyCollection<>)
            ? type.GetGenericArguments()[0]
            : null;
    }
}
