#pragma once
// Value: one template value with Python's semantics, as Jinja sees it: undefined, none,
// bool, int (64-bit; overflow is an error, not a bigint), float, str (UTF-8), list/tuple,
// dict (insertion-ordered, like Python's), callables (macros, builtins, bound methods) and
// objects (namespace(), loop). Lists and dicts are shared and immutable once built, as in
// Jinja's ImmutableSandboxedEnvironment; only namespace objects change. Values are not
// thread-safe to share while a render that created them runs; inputs passed to a render are
// only read.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

namespace conclave::chat {

class Value;
class Interpreter;

// Arguments of a call as written: positional values, then keyword values in order.
struct Arguments {
    std::vector<Value> positional;
    std::vector<std::pair<std::string, Value>> named;
};

struct List;
class Dict;

// Something a template can call: a macro, a global function, a bound string method.
class Callable {
public:
    virtual ~Callable() = default;
    virtual Value call(Interpreter& interp, Arguments args) = 0;
    virtual std::string name() const = 0;
};

// Something with attributes: namespace(), loop, cycler, joiner.
class Object {
public:
    virtual ~Object() = default;
    // Returns undefined when the attribute does not exist.
    virtual Value get_attr(const std::string& name) const = 0;
    // False when the object does not accept assignments.
    virtual bool set_attr(const std::string& name, Value value);
    virtual std::string type_name() const = 0;
    // depth: nesting so far, for the bound on recursion through self-references.
    virtual std::string repr(int depth) const = 0;
    virtual bool is_callable() const { return false; }
    // Nesting depth of values held, for the same bound as containers (see max_value_depth).
    virtual int depth() const { return 1; }
};

// What makes a value undefined and what to say when a template uses it in a way that
// needs a value ("'x' is undefined"). `unsafe` marks sandbox refusals (SecurityError).
struct UndefinedInfo {
    std::shared_ptr<const std::string> hint;
    bool unsafe = false;
};

struct NoneTag {};

enum class Kind : std::uint8_t {
    undefined,
    none,
    boolean,
    integer,
    floating,
    string,
    list,
    dict,
    callable,
    object,
};

class Value {
public:
    Value() = default; // undefined
    Value(bool b) : m_data(b) {}
    Value(int i) : m_data(static_cast<std::int64_t>(i)) {}
    Value(std::int64_t i) : m_data(i) {}
    Value(double d) : m_data(d) {}
    Value(std::string s) : m_data(std::move(s)) {}
    Value(std::string_view s) : m_data(std::string(s)) {}
    Value(const char* s) : m_data(std::string(s)) {}
    Value(std::shared_ptr<const List> list) : m_data(std::move(list)) {}
    Value(std::shared_ptr<const Dict> dict) : m_data(std::move(dict)) {}
    Value(std::shared_ptr<Callable> fn) : m_data(std::move(fn)) {}
    Value(std::shared_ptr<Object> obj) : m_data(std::move(obj)) {}

    static Value none() { return Value(NoneTag{}); }
    // A string marked safe (the safe and escape filters return markupsafe.Markup): adding
    // a plain string to it HTML-escapes the plain one, as Python's Markup.__add__ does.
    static Value markup(std::string s) {
        Value v(std::move(s));
        v.m_markup = true;
        return v;
    }
    bool is_markup() const { return m_markup; }
    static Value undefined(std::string hint, bool unsafe = false);
    static Value list(std::vector<Value> items, bool is_tuple = false);
    // What map, select, items and friends return in Jinja: iterable once, always truthy,
    // without len() and refused by tojson. Ours may be iterated again.
    static Value generator(std::vector<Value> items);
    static Value dict(Dict d);

    Kind kind() const { return static_cast<Kind>(m_data.index()); }
    bool is_undefined() const { return kind() == Kind::undefined; }
    bool is_none() const { return kind() == Kind::none; }
    bool is_bool() const { return kind() == Kind::boolean; }
    bool is_int() const { return kind() == Kind::integer; }
    bool is_float() const { return kind() == Kind::floating; }
    // Python's numbers: bool counts as an int.
    bool is_number() const { return is_bool() || is_int() || is_float(); }
    bool is_string() const { return kind() == Kind::string; }
    bool is_list() const { return kind() == Kind::list; }
    bool is_tuple() const;
    bool is_generator() const;
    bool is_dict() const { return kind() == Kind::dict; }
    bool is_callable() const { return kind() == Kind::callable; }
    bool is_object() const { return kind() == Kind::object; }

    bool as_bool() const { return std::get<bool>(m_data); }
    std::int64_t as_int() const { return std::get<std::int64_t>(m_data); }
    double as_float() const { return std::get<double>(m_data); }
    // Numeric value of bool/int/float as double.
    double to_double() const;
    // Integral value of bool/int.
    std::int64_t to_int() const;
    const std::string& as_string() const { return std::get<std::string>(m_data); }
    const List& as_list() const { return *std::get<std::shared_ptr<const List>>(m_data); }
    const std::shared_ptr<const List>& list_ptr() const {
        return std::get<std::shared_ptr<const List>>(m_data);
    }
    const Dict& as_dict() const { return *std::get<std::shared_ptr<const Dict>>(m_data); }
    const std::shared_ptr<const Dict>& dict_ptr() const {
        return std::get<std::shared_ptr<const Dict>>(m_data);
    }
    const std::shared_ptr<Callable>& as_callable() const {
        return std::get<std::shared_ptr<Callable>>(m_data);
    }
    const std::shared_ptr<Object>& as_object() const {
        return std::get<std::shared_ptr<Object>>(m_data);
    }
    const UndefinedInfo& undefined_info() const { return std::get<UndefinedInfo>(m_data); }

    // Nesting depth of containers (0 for scalars); bounded so recursion over values is safe.
    int depth() const;

private:
    explicit Value(NoneTag) : m_data(NoneTag{}) {}
    explicit Value(UndefinedInfo info) : m_data(std::move(info)) {}

    std::variant<UndefinedInfo, NoneTag, bool, std::int64_t, double, std::string,
                 std::shared_ptr<const List>, std::shared_ptr<const Dict>,
                 std::shared_ptr<Callable>, std::shared_ptr<Object>>
        m_data;
    bool m_markup = false;
};

// Containers deeper than this are refused, so printing, comparing and freeing them never
// recurses deep enough to exhaust the stack.
inline constexpr int max_value_depth = 256;

struct List {
    std::vector<Value> items;
    bool is_tuple = false;
    bool is_generator = false;
    int depth = 1;
};

// Insertion-ordered mapping with Python key equality (1 == 1.0 == True). String keys, the
// common case, are found through a hash index.
class Dict {
public:
    const Value* find(const Value& key) const;
    const Value* find(const std::string& key) const;
    // Replaces the value of an existing key in place (keeping its position) or appends.
    void set(Value key, Value value);
    const std::vector<std::pair<Value, Value>>& entries() const { return m_entries; }
    std::size_t size() const { return m_entries.size(); }
    bool empty() const { return m_entries.empty(); }
    int depth() const { return m_depth; }

private:
    std::vector<std::pair<Value, Value>> m_entries;
    std::unordered_map<std::string, std::size_t> m_string_index;
    int m_depth = 1;
};

// Python truthiness.
bool is_truthy(const Value& v);
// Python ==, recursing into containers.
bool values_equal(const Value& a, const Value& b);
// Python's type name as used in error messages: 'str', 'int', 'dict', ...
std::string type_name(const Value& v);

} // namespace conclave::chat
