// Jinja's tests ({% if x is defined %}, {{ n is divisibleby 3 }}), with Python's type
// rules: bool is a number and an int for `number`, but not for `integer`.

#include "chat/call_args.h"
#include "chat/filters.h"
#include "chat/interpreter.h"
#include "chat/operators.h"
#include "chat/utf8.h"

#include <array>
#include <string_view>

namespace conclave::chat {

namespace {

using TestFn = bool (*)(Interpreter&, const Value&, const Arguments&);

const Value& operand(Interpreter& interp, const Arguments& args, const char* test) {
    if (args.positional.empty())
        interp.fail(std::string("TypeError: test '") + test + "' needs an argument");
    return args.positional[0];
}

bool test_defined(Interpreter&, const Value& v, const Arguments&) {
    return !v.is_undefined();
}
bool test_undefined(Interpreter&, const Value& v, const Arguments&) {
    return v.is_undefined();
}
bool test_none(Interpreter&, const Value& v, const Arguments&) {
    return v.is_none();
}
bool test_string(Interpreter&, const Value& v, const Arguments&) {
    return v.is_string();
}
bool test_number(Interpreter&, const Value& v, const Arguments&) {
    return v.is_number();
}
bool test_integer(Interpreter&, const Value& v, const Arguments&) {
    return v.is_int();
}
bool test_float(Interpreter&, const Value& v, const Arguments&) {
    return v.is_float();
}
bool test_boolean(Interpreter&, const Value& v, const Arguments&) {
    return v.is_bool();
}
bool test_true(Interpreter&, const Value& v, const Arguments&) {
    return v.is_bool() && v.as_bool();
}
bool test_false(Interpreter&, const Value& v, const Arguments&) {
    return v.is_bool() && !v.as_bool();
}
bool test_mapping(Interpreter&, const Value& v, const Arguments&) {
    return v.is_dict();
}
bool test_escaped(Interpreter&, const Value&, const Arguments&) {
    return false;
}

// Anything iter() accepts, including undefined (which iterates as empty).
bool test_iterable(Interpreter&, const Value& v, const Arguments&) {
    return v.is_undefined() || v.is_string() || v.is_list() || v.is_dict();
}

// len() and [] both work.
bool test_sequence(Interpreter&, const Value& v, const Arguments&) {
    return v.is_undefined() || v.is_string() || (v.is_list() && !v.is_generator()) || v.is_dict();
}

bool test_callable(Interpreter&, const Value& v, const Arguments&) {
    return v.is_callable() || (v.is_object() && v.as_object()->is_callable());
}

bool test_sameas(Interpreter& interp, const Value& v, const Arguments& args) {
    const Value& other = operand(interp, args, "sameas");
    if (v.kind() != other.kind()) return false;
    switch (v.kind()) {
    case Kind::list:
        return v.list_ptr() == other.list_ptr();
    case Kind::dict:
        return v.dict_ptr() == other.dict_ptr();
    case Kind::callable:
        return v.as_callable() == other.as_callable();
    case Kind::object:
        return v.as_object() == other.as_object();
    case Kind::undefined:
        return false;
    default:
        return values_equal(v, other);
    }
}

std::int64_t integer_of(Interpreter& interp, const Value& v, const char* test) {
    if (v.is_undefined()) interp.fail_undefined(v);
    if (!v.is_int() && !v.is_bool())
        interp.fail(std::string("TypeError: test '") + test + "' needs an integer");
    return v.to_int();
}

bool test_even(Interpreter& interp, const Value& v, const Arguments&) {
    return integer_of(interp, v, "even") % 2 == 0;
}
bool test_odd(Interpreter& interp, const Value& v, const Arguments&) {
    return integer_of(interp, v, "odd") % 2 != 0;
}

bool test_divisibleby(Interpreter& interp, const Value& v, const Arguments& args) {
    const Value rest = binary_op(interp, BinaryOp::mod, v, operand(interp, args, "divisibleby"));
    return values_equal(rest, Value(0));
}

bool test_lower(Interpreter&, const Value& v, const Arguments&) {
    const std::string s = soft_str(v);
    bool cased = false;
    for (char32_t cp : utf8::decode(s)) {
        if (utf8::is_upper(cp)) return false;
        cased = cased || utf8::is_lower(cp);
    }
    return cased;
}

bool test_upper(Interpreter&, const Value& v, const Arguments&) {
    const std::string s = soft_str(v);
    bool cased = false;
    for (char32_t cp : utf8::decode(s)) {
        if (utf8::is_lower(cp)) return false;
        cased = cased || utf8::is_upper(cp);
    }
    return cased;
}

bool test_eq(Interpreter& interp, const Value& v, const Arguments& args) {
    return values_equal(v, operand(interp, args, "eq"));
}
bool test_ne(Interpreter& interp, const Value& v, const Arguments& args) {
    return !values_equal(v, operand(interp, args, "ne"));
}
bool test_lt(Interpreter& interp, const Value& v, const Arguments& args) {
    return compare_order(interp, v, operand(interp, args, "lt")) < 0;
}
bool test_le(Interpreter& interp, const Value& v, const Arguments& args) {
    return compare_order(interp, v, operand(interp, args, "le")) <= 0;
}
bool test_gt(Interpreter& interp, const Value& v, const Arguments& args) {
    return compare_order(interp, v, operand(interp, args, "gt")) > 0;
}
bool test_ge(Interpreter& interp, const Value& v, const Arguments& args) {
    return compare_order(interp, v, operand(interp, args, "ge")) >= 0;
}
bool test_in(Interpreter& interp, const Value& v, const Arguments& args) {
    return contains(interp, operand(interp, args, "in"), v);
}

bool test_filter(Interpreter& interp, const Value& v, const Arguments&) {
    if (!v.is_string()) interp.fail("TypeError: test 'filter' needs a name");
    return find_filter(v.as_string()) != nullptr;
}

bool test_test(Interpreter& interp, const Value& v, const Arguments&);

struct TestEntry {
    std::string_view name;
    TestFn fn;
};

constexpr std::array tests = {
    TestEntry{"!=", test_ne},
    TestEntry{"<", test_lt},
    TestEntry{"<=", test_le},
    TestEntry{"==", test_eq},
    TestEntry{">", test_gt},
    TestEntry{">=", test_ge},
    TestEntry{"boolean", test_boolean},
    TestEntry{"callable", test_callable},
    TestEntry{"defined", test_defined},
    TestEntry{"divisibleby", test_divisibleby},
    TestEntry{"eq", test_eq},
    TestEntry{"equalto", test_eq},
    TestEntry{"escaped", test_escaped},
    TestEntry{"even", test_even},
    TestEntry{"false", test_false},
    TestEntry{"filter", test_filter},
    TestEntry{"float", test_float},
    TestEntry{"ge", test_ge},
    TestEntry{"greaterthan", test_gt},
    TestEntry{"gt", test_gt},
    TestEntry{"in", test_in},
    TestEntry{"integer", test_integer},
    TestEntry{"iterable", test_iterable},
    TestEntry{"le", test_le},
    TestEntry{"lessthan", test_lt},
    TestEntry{"lower", test_lower},
    TestEntry{"lt", test_lt},
    TestEntry{"mapping", test_mapping},
    TestEntry{"ne", test_ne},
    TestEntry{"none", test_none},
    TestEntry{"number", test_number},
    TestEntry{"odd", test_odd},
    TestEntry{"sameas", test_sameas},
    TestEntry{"sequence", test_sequence},
    TestEntry{"string", test_string},
    TestEntry{"test", test_test},
    TestEntry{"true", test_true},
    TestEntry{"undefined", test_undefined},
    TestEntry{"upper", test_upper},
};

TestFn find_test(std::string_view name) {
    for (const TestEntry& e : tests)
        if (e.name == name) return e.fn;
    return nullptr;
}

bool test_test(Interpreter& interp, const Value& v, const Arguments&) {
    if (!v.is_string()) interp.fail("TypeError: test 'test' needs a name");
    return find_test(v.as_string()) != nullptr;
}

} // namespace

bool Interpreter::apply_test(const std::string& name, const Value& value, Arguments args) {
    const TestFn fn = find_test(name);
    if (!fn) fail("No test named '" + name + "'.");
    step();
    return fn(*this, value, args);
}

} // namespace conclave::chat
