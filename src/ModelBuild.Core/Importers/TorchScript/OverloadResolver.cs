using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Core.Importers.TorchScript;

/// <summary>
/// Chooses the schema overload a call means, from the static types of its arguments, the way TorchScript's
/// <c>matchSchemas</c> does: positional arguments fill non-keyword-only parameters in order, keywords fill by name,
/// missing ones take the schema default (the serializer drops trailing defaults), and a parameter with no value
/// and no default rules the overload out (so out= overloads never match). Among matches the one needing the
/// fewest implicit conversions (int → float, number → Scalar) wins; ties keep the table's order.
/// </summary>
public static class OverloadResolver
{
    public static BoundCall Bind(IReadOnlyList<OperatorSchema> overloads, IReadOnlyList<object?> args, IReadOnlyList<KeyValuePair<string, object?>> keywords, SourceLocation where, string? archive)
    {
        BoundCall? best = null;
        int bestScore = int.MaxValue;
        foreach (var schema in overloads)
        {
            var bound = TryBind(schema, args, keywords, out int score);
            if (bound is not null && score < bestScore)
            {
                best = new BoundCall(schema, bound, where, archive);
                bestScore = score;
            }
        }
        if (best is not null) return best;
        var given = string.Join(", ", args.Select(ScriptTypes.Describe).Concat(keywords.Select(k => $"{k.Key}={ScriptTypes.Describe(k.Value)}")));
        var candidates = string.Join("; ", overloads.Where(s => !s.HasMutableArguments).Take(6).Select(s => s.ToString()));
        throw TorchScriptThrowHelper.At(DiagnosticCode.TorchScriptNoOverload, archive, where,
            $"no overload of {overloads[0].QualifiedName} takes ({given}). Candidates: {candidates}.");
    }

    /// <summary>The values in schema order, or null when the overload does not fit; <paramref name="score"/> counts conversions.</summary>
    public static object?[]? TryBind(OperatorSchema schema, IReadOnlyList<object?> args, IReadOnlyList<KeyValuePair<string, object?>> keywords, out int score)
    {
        score = 0;
        var parameters = schema.Arguments;
        var values = new object?[parameters.Count];
        var filled = new bool[parameters.Count];
        int positional = 0;
        foreach (var arg in args)
        {
            while (positional < parameters.Count && parameters[positional].IsKeywordOnly) positional++;
            if (positional >= parameters.Count) return null;
            values[positional] = arg;
            filled[positional] = true;
            positional++;
        }
        foreach (var (name, value) in keywords)
        {
            int index = -1;
            for (int i = 0; i < parameters.Count; i++) if (parameters[i].Name == name) index = i;
            if (index < 0 || filled[index]) return null;
            values[index] = value;
            filled[index] = true;
        }
        for (int i = 0; i < parameters.Count; i++)
        {
            if (!filled[i])
            {
                if (!parameters[i].HasDefault) return null;
                values[i] = parameters[i].Default is List<object?> list ? new List<object?>(list) : parameters[i].Default;
                continue;
            }
            int cost = Match(parameters[i].Type, values[i]);
            if (cost < 0) return null;
            score += cost;
            // A bare int for a fixed-size list (int[2] stride=1) means the int repeated.
            if (parameters[i].Type is { IsList: true, FixedSize: int n } && values[i] is long l) values[i] = Enumerable.Repeat((object?)l, n).ToList();
        }
        return values;
    }

    /// <summary>Cost of passing <paramref name="value"/> for <paramref name="type"/>: 0 exact, more for conversions, -1 no match.</summary>
    public static int Match(SchemaType type, object? value)
    {
        if (value is null) return type.IsOptional || type.Name is "NoneType" or "Any" or "t" ? 0 : -1;
        if (type.IsList)
        {
            IReadOnlyList<object?>? items = value switch
            {
                List<object?> l => l,
                TupleValue t => t.Items,
                _ => null,
            };
            if (items is null)
                return type.FixedSize is not null && value is long && type.Element!.Name is "int" or "SymInt" ? 1 : -1;
            int total = 0;
            foreach (var item in items)
            {
                int c = Match(type.Element!, item);
                if (c < 0) return -1;
                total = Math.Max(total, c);
            }
            return total;
        }
        return type.Name switch
        {
            "Tensor" => value is TensorValue ? 0 : -1,
            "int" or "SymInt" => value is long or SymIntValue ? 0 : -1,
            "float" => value is double ? 0 : value is long ? 2 : -1,
            "bool" => value is bool ? 0 : -1,
            "Scalar" or "number" => value is long or double or bool or SymIntValue ? 1 : -1,
            "str" => value is string ? 0 : -1,
            "ScalarType" or "Layout" or "MemoryFormat" => value is long ? 0 : -1,
            "Device" => value is DeviceValue ? 0 : value is string ? 1 : -1,
            "Dict" => value is Dictionary<object, object?> ? 0 : -1,
            "t" or "t1" or "t2" or "Any" => 3,
            _ => -1,
        };
    }
}
