namespace MelanoGans.Training.Export;

/// <summary>TorchSharp and ONNX Runtime disagree on an exported generator: the ONNX file must not be used.</summary>
public sealed class ExportParityException(string message) : Exception(message);
