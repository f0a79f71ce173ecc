namespace ModelBuild.Core.Importers.PyTorch;

/// <summary>
/// A pickled dict or <c>collections.OrderedDict</c>, in insertion order. Keys are kept as read (strings, integers…);
/// setting a key twice replaces its value in place, as Python does.
/// </summary>
public sealed class PickleDict
{
    private readonly List<KeyValuePair<object?, object?>> _items = [];
    private readonly Dictionary<object, int> _index = [];

    public IReadOnlyList<KeyValuePair<object?, object?>> Items => _items;

    public int Count => _items.Count;

    /// <summary>Attributes BUILD set on the dict itself (a state_dict's <c>_metadata</c>); not entries of it.</summary>
    public object? Attributes { get; set; }

    public void Set(object? key, object? value)
    {
        if (key is not null && IsHashable(key))
        {
            if (_index.TryGetValue(key, out var at))
            {
                _items[at] = new(key, value);
                return;
            }
            _index[key] = _items.Count;
        }
        _items.Add(new(key, value));
    }

    public bool TryGetValue(string key, out object? value)
    {
        if (_index.TryGetValue(key, out var at))
        {
            value = _items[at].Value;
            return true;
        }
        value = null;
        return false;
    }

    private static bool IsHashable(object key) => key is string or long or bool or double or System.Numerics.BigInteger;
}
