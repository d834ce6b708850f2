namespace MelanoGans.Shared.Statistics.Mrmc;

/// <summary>Input an MRMC analysis cannot use, with a one-line reason for the user.</summary>
public sealed class MrmcInputException(string message) : Exception(message);
