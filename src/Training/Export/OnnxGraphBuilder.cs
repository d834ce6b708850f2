using Google.Protobuf;
using Onnx;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MelanoGans.Training.Export;

/// <summary>
/// Builds an ONNX graph from TorchSharp modules in eval mode (TorchSharp has no onnx.export). Each supported
/// module type maps to one ONNX node; weights become initializers. Anything else is refused rather than
/// exported wrong.
/// </summary>
internal sealed class OnnxGraphBuilder
{
    /// <summary>Opset 17: the newest that Debian 12's python3-onnx (1.12) checks, and ONNX Runtime runs it.</summary>
    public const int Opset = 17;

    private readonly GraphProto graph = new() { Name = "generator" };
    private int counter;

    /// <summary>Declares a float input with a dynamic batch dimension N in front of <paramref name="shape"/>.</summary>
    public string Input(string name, IReadOnlyList<int> shape)
    {
        graph.Input.Add(ValueInfo(name, shape));
        return name;
    }

    /// <summary>Declares the graph output (N x shape).</summary>
    public void Output(string value, string name, IReadOnlyList<int> shape)
    {
        graph.Node.Add(Node("Identity", [value], name));
        graph.Output.Add(ValueInfo(name, shape));
    }

    /// <summary>The children of a Sequential in order, each mapped to its ONNX node.</summary>
    public string Sequential(Sequential sequential, string input, string prefix)
    {
        var value = input;
        foreach (var (name, module) in sequential.named_children())
        {
            value = Module(module, value, $"{prefix}.{name}");
        }

        return value;
    }

    public string Reshape(string input, long[] shape) =>
        Emit("Reshape", [input, Constant(shape)]);

    public string Concat(IReadOnlyList<string> inputs, long axis) =>
        Emit("Concat", inputs, Attribute("axis", axis));

    public string Add(string a, string b) => Emit("Add", [a, b]);

    /// <summary>Bilinear x2 with half-pixel centres: what torch's bilinear interpolate with align_corners=false computes.</summary>
    public string Upsample2(string input) =>
        Emit(
            "Resize",
            [input, string.Empty, Constant(new[] { 1f, 1f, 2f, 2f })],
            Attribute("mode", "linear"),
            Attribute("coordinate_transformation_mode", "half_pixel"));

    public ModelProto Build() => new()
    {
        IrVersion = 8,
        ProducerName = "melanogans",
        Graph = graph,
        OpsetImport = { new OperatorSetIdProto { Domain = string.Empty, Version = Opset } },
    };

    private string Module(nn.Module module, string input, string name) => module switch
    {
        ConvTranspose2d conv => Convolution("ConvTranspose", conv, input, name),
        Conv2d conv => Convolution("Conv", conv, input, name),
        BatchNorm2d norm => Emit(
            "BatchNormalization",
            [input, Initializer($"{name}.weight", norm.weight!), Initializer($"{name}.bias", norm.bias!),
             Initializer($"{name}.running_mean", norm.running_mean!), Initializer($"{name}.running_var", norm.running_var!)],
            Attribute("epsilon", (float)norm.eps)),
        ReLU => Emit("Relu", [input]),
        LeakyReLU leaky => Emit("LeakyRelu", [input], Attribute("alpha", (float)leaky.negative_slope)),
        Tanh => Emit("Tanh", [input]),
        Upsample up when up.mode == UpsampleMode.Bilinear && up.align_corners != true
            && up.scale_factor.ToArray() is [2.0, 2.0] => Upsample2(input),
        _ => throw new NotSupportedException($"ONNX export: no mapping for {module.GetType().Name} at {name}"),
    };

    private string Convolution(string op, Convolution conv, string input, string name)
    {
        if (conv.groups != 1 || conv.padding_mode != TorchSharp.PaddingModes.Zeros || conv.output_padding.Any(p => p != 0))
        {
            throw new NotSupportedException($"ONNX export: {name} uses groups, padding modes or output padding");
        }

        var inputs = new List<string> { input, Initializer($"{name}.weight", conv.weight!) };
        if (conv.bias is not null)
        {
            inputs.Add(Initializer($"{name}.bias", conv.bias));
        }

        var pads = conv.padding ?? throw new NotSupportedException($"ONNX export: {name} uses a symbolic padding");
        return Emit(
            op,
            inputs,
            Attribute("kernel_shape", conv.kernel_size),
            Attribute("strides", conv.stride),
            Attribute("dilations", conv.dilation),
            Attribute("pads", [pads[0], pads[1], pads[0], pads[1]]),
            Attribute("group", 1L));
    }

    private string Emit(string op, IReadOnlyList<string> inputs, params AttributeProto[] attributes)
    {
        var output = $"{op.ToLowerInvariant()}_{counter++}";
        var node = Node(op, inputs, output);
        node.Attribute.AddRange(attributes);
        graph.Node.Add(node);
        return output;
    }

    private NodeProto Node(string op, IReadOnlyList<string> inputs, string output)
    {
        var node = new NodeProto { OpType = op, Name = $"{op}_{graph.Node.Count}" };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        return node;
    }

    private string Initializer(string name, Tensor tensor)
    {
        using var cpu = tensor.detach().cpu().to_type(ScalarType.Float32).contiguous();
        var values = cpu.data<float>().ToArray();
        var proto = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        proto.Dims.AddRange(cpu.shape);
        proto.RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        graph.Initializer.Add(proto);
        return name;
    }

    private string Constant(long[] values)
    {
        var proto = new TensorProto { Name = $"const_{counter++}", DataType = (int)TensorProto.Types.DataType.Int64 };
        proto.Dims.Add(values.Length);
        proto.Int64Data.AddRange(values);
        graph.Initializer.Add(proto);
        return proto.Name;
    }

    private string Constant(float[] values)
    {
        var proto = new TensorProto { Name = $"const_{counter++}", DataType = (int)TensorProto.Types.DataType.Float };
        proto.Dims.Add(values.Length);
        proto.FloatData.AddRange(values);
        graph.Initializer.Add(proto);
        return proto.Name;
    }

    private static ValueInfoProto ValueInfo(string name, IReadOnlyList<int> shape)
    {
        var tensorShape = new TensorShapeProto();
        tensorShape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "N" });
        foreach (var d in shape)
        {
            tensorShape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto
            {
                TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = tensorShape },
            },
        };
    }

    private static AttributeProto Attribute(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    private static AttributeProto Attribute(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    private static AttributeProto Attribute(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    private static AttributeProto Attribute(string name, long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }
}
