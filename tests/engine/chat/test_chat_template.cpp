// The chat-template interpreter on its own: whitespace control, value printing, operators,
// loops, assignments, macros, every filter, test and string method we implement, error
// messages with line numbers, hostile templates that must fail fast, and the variables a
// template reads from its caller. The expected
// strings of rendersLikeReference were produced by the Python Jinja2 reference
// (shared/tools/jinja_reference.py settings) and are pinned here.

#include "chat/chat_template.h"
#include "chat/json.h"

#include <QtTest>
#include <string>

using namespace conclave::chat;

namespace {

// The variables every case renders with.
Variables testVariables() {
    const auto parsed = parse_json(R"({"d": {"k": "v", "n": 2}, "d2": {"items": "key named items"},
        "msgs": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "yo"}]})");
    Variables vars;
    for (const auto& [k, v] : parsed->as_dict().entries()) vars.emplace_back(k.as_string(), v);
    return vars;
}

conclave::Result<std::string> render(const QString& source, const RenderLimits& limits = {}) {
    const std::string text = source.toStdString();
    auto parsed = ChatTemplate::parse(text);
    if (!parsed) return parsed.error();
    return parsed->render_variables(testVariables(), limits, CivilTime{2026, 1, 15, 9, 30, 0});
}

QString errorOf(const conclave::Result<std::string>& r) {
    return r.ok() ? QStringLiteral("<rendered: %1>").arg(QString::fromStdString(*r))
                  : QString::fromStdString(r.error().message);
}

} // namespace

class TestChatTemplate : public QObject {
    Q_OBJECT

private slots:
    void rendersLikeReference_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("expected");
        QTest::newRow("trim_blocks") << QStringLiteral("{% if true %}\nyes\n{% endif %}\nafter")
                                     << QStringLiteral("yes\nafter");
        QTest::newRow("lstrip_blocks")
            << QStringLiteral("a\n    {% if true %}\n    b\n    {% endif %}\nc")
            << QStringLiteral("a\n    b\nc");
        QTest::newRow("minus_strips")
            << QStringLiteral("a   {%- if true -%}   b   {%- endif -%}   c")
            << QStringLiteral("abc");
        QTest::newRow("plus_keeps_lstrip")
            << QStringLiteral("a\n    {%+ if true %}b{% endif %}") << QStringLiteral("a\n    b");
        QTest::newRow("plus_keeps_newline")
            << QStringLiteral("{% if true +%}\nb{% endif %}") << QStringLiteral("\nb");
        QTest::newRow("variable_minus")
            << QStringLiteral("x  {{- 1 -}}  y") << QStringLiteral("x1y");
        QTest::newRow("variable_no_trim")
            << QStringLiteral("{{ 1 }}\n{{ 2 }}") << QStringLiteral("1\n2");
        QTest::newRow("comment") << QStringLiteral("a {# hidden #} b\n  {#- stripped -#}  c")
                                 << QStringLiteral("a  bc");
        QTest::newRow("comment_trim_blocks")
            << QStringLiteral("a\n{# c #}\nb") << QStringLiteral("a\nb");
        QTest::newRow("raw_block") << QStringLiteral("{% raw %}{{ not evaluated }}{% endraw %}")
                                   << QStringLiteral("{{ not evaluated }}");
        QTest::newRow("raw_block_strip")
            << QStringLiteral("x {%- raw -%}  {{ y }}  {%- endraw -%} z")
            << QStringLiteral("x{{ y }}z");
        QTest::newRow("trailing_newline_dropped")
            << QStringLiteral("text\n") << QStringLiteral("text");
        QTest::newRow("crlf_normalized")
            << QStringLiteral("a\r\nb\rc") << QStringLiteral("a\nb\nc");
        QTest::newRow("print_int_float")
            << QStringLiteral("{{ 1 }} {{ 1.0 }} {{ 2.50 }} {{ 1e16 }} {{ 1e15 }} {{ 0.00001 }} {{ "
                              "0.1 + 0.2 }} {{ -0.0 }}")
            << QStringLiteral("1 1.0 2.5 1e+16 1000000000000000.0 1e-05 0.30000000000000004 -0.0");
        QTest::newRow("print_none_bool")
            << QStringLiteral("{{ none }} {{ None }} {{ true }} {{ False }}")
            << QStringLiteral("None None True False");
        QTest::newRow("print_list_repr")
            << QStringLiteral("{{ ['a', \"b'c\", 1, 2.0, none, true, [1]] }}")
            << QStringLiteral("['a', \"b'c\", 1, 2.0, None, True, [1]]");
        QTest::newRow("print_dict_repr") << QStringLiteral("{{ {'k': 'v', 'n': {'x': [1, 2]}} }}")
                                         << QStringLiteral("{'k': 'v', 'n': {'x': [1, 2]}}");
        QTest::newRow("print_tuple") << QStringLiteral("{{ (1, 2) }} {{ (1,) }} {{ () }}")
                                     << QStringLiteral("(1, 2) (1,) ()");
        QTest::newRow("print_undefined_empty")
            << QStringLiteral("[{{ nothing }}][{{ nothing is defined }}][{{ d.missing }}]")
            << QStringLiteral("[][False][]");
        QTest::newRow("repr_escapes")
            << QStringLiteral("{{ ['a\\nb', 'tab\\t', 'q\"', \"both'\\\"\"] }}")
            << QStringLiteral("['a\\nb', 'tab\\t', 'q\"', 'both\\'\"']");
        QTest::newRow("string_escapes")
            << QStringLiteral("{{ 'a\\tb\\\\c\\x41\\u00e9' }}") << QStringLiteral("a\tb\\cAé");
        QTest::newRow("arithmetic")
            << QStringLiteral(
                   "{{ 7 // 2 }} {{ -7 // 2 }} {{ 7 % -3 }} {{ 7 / 2 }} {{ 4 / 2 }} {{ 2 ** 10 }} "
                   "{{ 2 ** -1 }} {{ 2 ** 3 ** 2 }} {{ 7.5 // 2 }} {{ -7.5 % 2 }}")
            << QStringLiteral("3 -4 -2 3.5 2.0 1024 0.5 64 3.0 0.5");
        QTest::newRow("concat_tilde")
            << QStringLiteral("{{ 1 ~ 'a' ~ none ~ true ~ undefined_name }}")
            << QStringLiteral("1aNoneTrue");
        QTest::newRow("string_plus_repeat")
            << QStringLiteral("{{ 'ab' + 'cd' }} {{ 'ab' * 3 }} {{ [1] * 3 }} {{ [1, 2] + [3] }}")
            << QStringLiteral("abcd ababab [1, 1, 1] [1, 2, 3]");
        QTest::newRow("comparisons")
            << QStringLiteral("{{ 1 < 2 < 3 }} {{ 1 < 3 < 2 }} {{ 'a' < 'b' }} {{ 1 == 1.0 }} {{ "
                              "[1, 2] == [1, 2] }} {{ 1 != 2 }} {{ true == 1 }}")
            << QStringLiteral("True False True True True True True");
        QTest::newRow("membership")
            << QStringLiteral("{{ 'b' in 'abc' }} {{ 2 in [1, 2] }} {{ 'k' in {'k': 1} }} {{ 3 not "
                              "in [1] }} {{ 'x' in undefined_name }}")
            << QStringLiteral("True True True True False");
        QTest::newRow("and_or_values")
            << QStringLiteral(
                   "{{ 0 or 'x' }} {{ 1 and 'y' }} {{ '' and 'z' }} {{ none or none }} {{ not 0 }}")
            << QStringLiteral("x y  None True");
        QTest::newRow("inline_if")
            << QStringLiteral(
                   "{{ 'yes' if 1 else 'no' }} {{ 'yes' if 0 else 'no' }} [{{ 'only' if 0 }}]")
            << QStringLiteral("yes no []");
        QTest::newRow("negative_filter_precedence")
            << QStringLiteral("{{ -3 | abs }} {{ -(3) }}") << QStringLiteral("3 -3");
        QTest::newRow("subscripts")
            << QStringLiteral("{{ [1, 2, 3][-1] }} {{ [1, 2, 3][5] is defined }} {{ 'hello'[1] }} "
                              "{{ d.k }} {{ d['k'] }} {{ d.missing is defined }}")
            << QStringLiteral("3 False e v v False");
        QTest::newRow("slicing")
            << QStringLiteral(
                   "{{ [1, 2, 3, 4, 5][1:3] }} {{ [1, 2, 3, 4, 5][::2] }} {{ [1, 2, 3][::-1] }} {{ "
                   "'hello'[1:] }} {{ 'hello'[:-2] }} {{ 'héllo'[1:3] }} {{ 'abc'[5:] }}")
            << QStringLiteral("[2, 3] [1, 3, 5] [3, 2, 1] ello hel él ");
        QTest::newRow("dict_method_shadows_key")
            << QStringLiteral("{{ d2.items is defined }} {{ d2['items'] }}")
            << QStringLiteral("True key named items");
        QTest::newRow("dotted_index")
            << QStringLiteral("{{ msgs.0.role }} {{ msgs[0]['content'] }}")
            << QStringLiteral("user hi");
        QTest::newRow("loop_variables")
            << QStringLiteral("{% for x in ['a', 'b', 'c'] %}{{ loop.index }}{{ loop.index0 }}{{ "
                              "loop.revindex }}{{ loop.revindex0 }}{{ loop.first }}{{ loop.last "
                              "}}{{ loop.length }};{% endfor %}")
            << QStringLiteral("1032TrueFalse3;2121FalseFalse3;3210FalseTrue3;");
        QTest::newRow("loop_prev_next")
            << QStringLiteral(
                   "{% for x in [1, 2, 3] %}{{ loop.previtem }}-{{ loop.nextitem }};{% endfor %}")
            << QStringLiteral("-2;1-3;2-;");
        QTest::newRow("loop_cycle")
            << QStringLiteral("{% for x in range(5) %}{{ loop.cycle('a', 'b') }}{% endfor %}")
            << QStringLiteral("ababa");
        QTest::newRow("loop_else")
            << QStringLiteral("{% for x in [] %}x{% else %}empty{% endfor %}")
            << QStringLiteral("empty");
        QTest::newRow("loop_filter")
            << QStringLiteral(
                   "{% for x in range(10) if x % 3 == 0 %}{{ x }}{{ loop.length }},{% endfor %}")
            << QStringLiteral("04,34,64,94,");
        QTest::newRow("loop_unpack_items")
            << QStringLiteral(
                   "{% for k, v in {'a': 1, 'b': 2}.items() %}{{ k }}={{ v }};{% endfor %}")
            << QStringLiteral("a=1;b=2;");
        QTest::newRow("loop_break_continue")
            << QStringLiteral("{% for x in range(10) %}{% if x == 2 %}{% continue %}{% endif %}{% "
                              "if x == 5 %}{% break %}{% endif %}{{ x }}{% endfor %}")
            << QStringLiteral("0134");
        QTest::newRow("loop_over_dict_and_string")
            << QStringLiteral("{% for k in {'x': 1, 'y': 2} %}{{ k }}{% endfor %}{% for c in 'hé' "
                              "%}[{{ c }}]{% endfor %}")
            << QStringLiteral("xy[h][é]");
        QTest::newRow("loop_scope") << QStringLiteral("{% set x = 1 %}{% for i in [1, 2] %}{% set "
                                                      "x = x + 10 %}{{ x }};{% endfor %}{{ x }}")
                                    << QStringLiteral("11;11;1");
        QTest::newRow("loop_undefined_is_empty")
            << QStringLiteral("{% for x in undefined_name %}x{% endfor %}done")
            << QStringLiteral("done");
        QTest::newRow("nested_loops")
            << QStringLiteral("{% for a in [1, 2] %}{% for b in ['x', 'y'] %}{{ a }}{{ b }}{{ "
                              "loop.index }}{% endfor %}{% endfor %}")
            << QStringLiteral("1x11y22x12y2");
        QTest::newRow("namespace")
            << QStringLiteral("{% set ns = namespace(count=0, seen=[]) %}{% for x in range(3) %}{% "
                              "set ns.count = ns.count + x %}{% endfor %}{{ ns.count }}")
            << QStringLiteral("3");
        QTest::newRow("block_set")
            << QStringLiteral("{% set body %}hello {{ 1 + 1 }}{% endset %}[{{ body }}]")
            << QStringLiteral("[hello 2]");
        QTest::newRow("block_set_filter")
            << QStringLiteral("{% set body | upper | trim %}  shout  {% endset %}[{{ body }}]")
            << QStringLiteral("[SHOUT]");
        QTest::newRow("tuple_set")
            << QStringLiteral("{% set a, b = 1, 2 %}{{ a }}{{ b }}") << QStringLiteral("12");
        QTest::newRow("with_block")
            << QStringLiteral("{% with x = 5 %}{{ x }}{% endwith %}[{{ x }}]")
            << QStringLiteral("5[]");
        QTest::newRow("macro_defaults")
            << QStringLiteral(
                   "{% macro greet(name, greeting='Hello') %}{{ greeting }}, {{ name }}!{% "
                   "endmacro %}{{ greet('Ann') }} {{ greet('Bob', greeting='Hi') }}")
            << QStringLiteral("Hello, Ann! Hi, Bob!");
        QTest::newRow("macro_caller")
            << QStringLiteral("{% macro box() %}[{{ caller() }}]{% endmacro %}{% call box() "
                              "%}inside{% endcall %}")
            << QStringLiteral("[inside]");
        QTest::newRow("macro_caller_args")
            << QStringLiteral("{% macro each(items) %}{% for i in items %}{{ caller(i) }}{% endfor "
                              "%}{% endmacro %}{% call(x) each([1, 2]) %}<{{ x }}>{% endcall %}")
            << QStringLiteral("<1><2>");
        QTest::newRow("macro_varargs_kwargs")
            << QStringLiteral("{% macro m(a) %}{{ a }}{{ varargs }}{{ kwargs }}{% endmacro %}{{ "
                              "m(1, 2, 3, k='v') }}")
            << QStringLiteral("1(2, 3){'k': 'v'}");
        QTest::newRow("macro_recursion")
            << QStringLiteral("{% macro fact(n) %}{% if n <= 1 %}1{% else %}{{ n * fact(n - 1) | "
                              "int }}{% endif %}{% endmacro %}{{ fact(5) }}")
            << QStringLiteral("120");
        QTest::newRow("macro_missing_arg")
            << QStringLiteral(
                   "{% macro m(a, b) %}[{{ b }}]{{ b is defined }}{% endmacro %}{{ m(1) }}")
            << QStringLiteral("[]False");
        QTest::newRow("filter_block")
            << QStringLiteral("{% filter upper %}quiet {{ 'words' }}{% endfilter %}")
            << QStringLiteral("QUIET WORDS");
        QTest::newRow("generation_block")
            << QStringLiteral("{% generation %}kept {{ 1 }}{% endgeneration %}")
            << QStringLiteral("kept 1");
        QTest::newRow("f_trim_upper_lower")
            << QStringLiteral("{{ '  x  ' | trim }}|{{ 'xxaxx' | trim('x') }}|{{ 'aB' | upper "
                              "}}|{{ 'aB' | lower }}|{{ 'ÄÖ' | lower }}")
            << QStringLiteral("x|a|AB|ab|äö");
        QTest::newRow("f_title_capitalize")
            << QStringLiteral(
                   "{{ 'hello big-world (x)' | title }}|{{ 'hELLO world' | capitalize }}")
            << QStringLiteral("Hello Big-World (X)|Hello world");
        QTest::newRow("f_length") << QStringLiteral(
                                         "{{ 'héllo' | length }} {{ [1, 2] | count }} {{ {'a': 1} "
                                         "| length }} {{ undefined_name | length }}")
                                  << QStringLiteral("5 2 1 0");
        QTest::newRow("f_default")
            << QStringLiteral("{{ undefined_name | default('d') }} {{ '' | default('e') }} {{ '' | "
                              "default('e', true) }} {{ none | d('n') }}")
            << QStringLiteral("d  e None");
        QTest::newRow("f_join")
            << QStringLiteral(
                   "{{ [1, 'a', none] | join(', ') }} {{ msgs | join('/', attribute='role') }}")
            << QStringLiteral("1, a, None user/assistant");
        QTest::newRow("f_first_last")
            << QStringLiteral("{{ [1, 2, 3] | first }} {{ [1, 2, 3] | last }} {{ 'abc' | first }}")
            << QStringLiteral("1 3 a");
        QTest::newRow("f_list_string")
            << QStringLiteral(
                   "{{ 'ab' | list }} {{ {'x': 1} | list }} {{ 12 | string }} {{ none | string }}")
            << QStringLiteral("['a', 'b'] ['x'] 12 None");
        QTest::newRow("f_int_float_round")
            << QStringLiteral("{{ '42' | int }} {{ 'x' | int }} {{ 'x' | int(7) }} {{ 3.9 | int }} "
                              "{{ '2.5' | float }} {{ 2.5 | round }} {{ 3.5 | round }} {{ 2.675 | "
                              "round(2) }} {{ 2.1 | round(method='ceil') }}")
            << QStringLiteral("42 0 7 3 2.5 2.0 4.0 2.67 3.0");
        QTest::newRow("f_replace")
            << QStringLiteral("{{ 'aaa' | replace('a', 'b') }} {{ 'aaa' | replace('a', 'b', 2) }}")
            << QStringLiteral("bbb bba");
        QTest::newRow("f_tojson")
            << QStringLiteral("{{ {'a': [1, 2.5, true, none], 'é': 'ü\"\\n'} | tojson }}")
            << QStringLiteral("{\"a\": [1, 2.5, true, null], \"é\": \"ü\\\"\\n\"}");
        QTest::newRow("f_tojson_indent")
            << QStringLiteral("{{ {'a': [1, {'b': 2}], 'c': {}} | tojson(indent=2) }}")
            << QStringLiteral(
                   "{\n  \"a\": [\n    1,\n    {\n      \"b\": 2\n    }\n  ],\n  \"c\": {}\n}");
        QTest::newRow("f_tojson_options")
            << QStringLiteral("{{ {'b': 1, 'a': 'é'} | tojson(sort_keys=true, separators=(',', "
                              "':')) }} {{ 'é' | tojson(ensure_ascii=true) }}")
            << QStringLiteral("{\"a\":\"é\",\"b\":1} \"\\u00e9\"");
        QTest::newRow("f_items_dictsort")
            << QStringLiteral(
                   "{% for k, v in {'b': 1, 'A': 2} | dictsort %}{{ k }}{{ v }}{% endfor %} {% for "
                   "k, v in {'b': 1} | items %}{{ k }}{{ v }}{% endfor %}")
            << QStringLiteral("A2b1 b1");
        QTest::newRow("f_map")
            << QStringLiteral(
                   "{{ msgs | map(attribute='role') | list }} {{ ['a', 'b'] | map('upper') | join "
                   "}} {{ msgs | map(attribute='nope', default='z') | list }}")
            << QStringLiteral("['user', 'assistant'] AB ['z', 'z']");
        QTest::newRow("f_select_reject")
            << QStringLiteral("{{ range(6) | select('even') | list }} {{ range(6) | reject('odd') "
                              "| list }} {{ [0, 1, ''] | select | list }}")
            << QStringLiteral("[0, 2, 4] [0, 2, 4] [1]");
        QTest::newRow("f_selectattr")
            << QStringLiteral(
                   "{{ msgs | selectattr('role', 'equalto', 'user') | list | length }} {{ msgs | "
                   "rejectattr('role', 'eq', 'user') | map(attribute='content') | list }}")
            << QStringLiteral("1 ['yo']");
        QTest::newRow("f_unique_sort")
            << QStringLiteral(
                   "{{ ['b', 'A', 'a', 'c'] | unique | list }} {{ [3, 1, 2] | sort }} {{ ['b', "
                   "'A', 'c'] | sort }} {{ [3, 1, 2] | sort(reverse=true) }} {{ msgs | "
                   "sort(attribute='role') | map(attribute='role') | join(',') }}")
            << QStringLiteral("['b', 'A', 'c'] [1, 2, 3] ['A', 'b', 'c'] [3, 2, 1] assistant,user");
        QTest::newRow("f_min_max_sum")
            << QStringLiteral("{{ [3, 1, 2] | min }} {{ [3, 1, 2] | max }} {{ [1, 2, 3] | sum }} "
                              "{{ ['B', 'a'] | max }}")
            << QStringLiteral("1 3 6 B");
        QTest::newRow("f_reverse_abs")
            << QStringLiteral(
                   "{{ 'abc' | reverse }} {{ [1, 2] | reverse | list }} {{ -2.5 | abs }}")
            << QStringLiteral("cba [2, 1] 2.5");
        QTest::newRow("f_indent") << QStringLiteral(
                                         "{{ 'a\\nb\\n\\nc' | indent(2) }}|{{ 'a\\nb' | indent(2, "
                                         "true) }}|{{ 'a\\n\\nb' | indent('>', blank=true) }}")
                                  << QStringLiteral("a\n  b\n\n  c|  a\n  b|a\n>\n>b");
        QTest::newRow("f_center_truncate_wordcount")
            << QStringLiteral(
                   "[{{ 'ab' | center(6) }}] {{ 'hello world foo' | truncate(9) }} {{ 'hello world "
                   "foo bar baz qux' | truncate(12, true) }} {{ 'one two, three' | wordcount }}")
            << QStringLiteral("[  ab  ] hello... hello wor... 3");
        QTest::newRow("f_escape_safe_format")
            << QStringLiteral("{{ '<a href=\"x\">' | e }} {{ '<b>' | safe }} {{ '%s-%d' | "
                              "format('a', 3) }} {{ '%05.1f' % 3.14159 }}")
            << QStringLiteral("&lt;a href=&#34;x&#34;&gt; <b> a-3 003.1");
        QTest::newRow("f_batch_attr")
            << QStringLiteral("{{ [1, 2, 3] | batch(2) | list }} {{ d | attr('k') }}")
            << QStringLiteral("[[1, 2], [3]] ");
        QTest::newRow("t_types")
            << QStringLiteral(
                   "{{ 1 is number }}{{ true is number }}{{ 1 is integer }}{{ true is integer }}{{ "
                   "1.0 is float }}{{ 'a' is string }}{{ {} is mapping }}{{ [] is sequence }}{{ "
                   "'a' is iterable }}{{ none is none }}{{ true is boolean }}")
            << QStringLiteral("TrueTrueTrueFalseTrueTrueTrueTrueTrueTrueTrue");
        QTest::newRow("t_values")
            << QStringLiteral("{{ 2 is even }}{{ 3 is odd }}{{ 9 is divisibleby 3 }}{{ true is "
                              "true }}{{ 0 is false }}{{ 'ab' is lower }}{{ 'AB' is upper }}{{ "
                              "undefined_name is undefined }}{{ d is defined }}")
            << QStringLiteral("TrueTrueTrueTrueFalseTrueTrueTrueTrue");
        QTest::newRow("t_compare")
            << QStringLiteral("{{ 1 is eq 1 }}{{ 2 is gt 1 }}{{ 1 is ge 2 }}{{ 1 is lt 2 }}{{ 1 is "
                              "le 1 }}{{ 1 is ne 1 }}{{ 1 is in [1] }}{{ d is sameas d }}{{ range "
                              "is callable }}{{ 1 is not string }}")
            << QStringLiteral("TrueTrueFalseTrueTrueFalseTrueTrueTrueTrue");
        QTest::newRow("m_strip_split")
            << QStringLiteral(
                   "{{ '  a b  '.strip() }}|{{ 'xxaxx'.lstrip('x') }}|{{ 'xxaxx'.rstrip('x') }}|{{ "
                   "'a,b,,c'.split(',') }}|{{ ' a  b '.split() }}|{{ 'a,b,c'.split(',', 1) }}|{{ "
                   "'a,b,c'.rsplit(',', 1) }}")
            << QStringLiteral(
                   "a b|axx|xxa|['a', 'b', '', 'c']|['a', 'b']|['a', 'b,c']|['a,b', 'c']");
        QTest::newRow("m_affix_case")
            << QStringLiteral("{{ 'hello'.startswith('he') }}{{ 'hello'.endswith(('x', 'lo')) }}{{ "
                              "'aB'.upper() }}{{ 'aB'.lower() }}{{ 'hello world'.title() }}{{ "
                              "'hELLO'.capitalize() }}")
            << QStringLiteral("TrueTrueABabHello WorldHello");
        QTest::newRow("m_find_count_replace")
            << QStringLiteral(
                   "{{ 'héllo'.find('l') }} {{ 'hello'.rfind('l') }} {{ 'hello'.count('l') }} {{ "
                   "'a-b'.replace('-', '+') }} {{ '-'.join(['a', 'b']) }}")
            << QStringLiteral("2 3 2 a+b a-b");
        QTest::newRow("m_format") << QStringLiteral(
                                         "{{ '{} and {}'.format('a', 'b') }} {{ "
                                         "'{0}{0}'.format('x') }} {{ '{name}!'.format(name='n') }} "
                                         "{{ '{:>5}|{:<3}|{:.2f}'.format('a', 'b', 3.14159) }}")
                                  << QStringLiteral("a and b xx n!     a|b  |3.14");
        QTest::newRow("m_dict")
            << QStringLiteral("{{ d.get('k') }} {{ d.get('zz', 'fallback') }} {{ d.get('zz') }} {{ "
                              "d.keys() | list }} {{ d.values() | list }}")
            << QStringLiteral("v fallback None ['k', 'n'] ['v', 2]");
        QTest::newRow("g_range_dict")
            << QStringLiteral("{{ range(3) | list }} {{ range(1, 10, 3) | list }} {{ range(5, 0, "
                              "-2) | list }} {{ dict(a=1, b=2) }} {{ dict([('x', 1)]) }}")
            << QStringLiteral("[0, 1, 2] [1, 4, 7] [5, 3, 1] {'a': 1, 'b': 2} {'x': 1}");
        QTest::newRow("g_strftime")
            << QStringLiteral("{{ strftime_now('%Y-%m-%d %H:%M:%S') }} {{ strftime_now('%d %b %Y') "
                              "}} {{ strftime_now('%B %d, %Y (%A)') }}")
            << QStringLiteral("2026-01-15 09:30:00 15 Jan 2026 January 15, 2026 (Thursday)");
    }

    void rendersLikeReference() {
        QFETCH(QString, source);
        QFETCH(QString, expected);
        const auto r = render(source);
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(QString::fromStdString(*r), expected);
    }

    void errorsNameTheLine_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown filter") << QStringLiteral("a\n\n{{ 1 | foo }}")
                                        << QStringLiteral("line 3: No filter named 'foo'.");
        QTest::newRow("unknown test")
            << QStringLiteral("{{ 1 is blue }}") << QStringLiteral("line 1: No test named 'blue'.");
        QTest::newRow("raise_exception")
            << QStringLiteral("x\n{{ raise_exception('System role not supported') }}")
            << QStringLiteral("line 2: System role not supported");
        QTest::newRow("attribute of undefined")
            << QStringLiteral("\n{{ nothing.attr }}")
            << QStringLiteral("line 2: UndefinedError: 'nothing' is undefined");
        QTest::newRow("missing key then attribute")
            << QStringLiteral("{{ d.missing.deeper }}")
            << QStringLiteral("line 1: UndefinedError: 'dict object' has no attribute 'missing'");
        QTest::newRow("unclosed block")
            << QStringLiteral("{% if true %}\nopen")
            << QStringLiteral(
                   "line 2: unexpected end of template, expected 'elif' or 'else' or 'endif'");
        QTest::newRow("unknown tag")
            << QStringLiteral("\n\n{% frobnicate %}")
            << QStringLiteral("line 3: Encountered unknown tag 'frobnicate'.");
        QTest::newRow("unterminated string")
            << QStringLiteral("{{ 'abc }}")
            << QStringLiteral("line 1: unterminated string literal");
        QTest::newRow("list append refused")
            << QStringLiteral("{% set x = [] %}{{ x.append(1) }}")
            << QStringLiteral("line 1: SecurityError: access to attribute 'append' of 'list' "
                              "object is unsafe.");
        QTest::newRow("str plus int")
            << QStringLiteral("{{ 'a' + 1 }}")
            << QStringLiteral("line 1: TypeError: can only concatenate str (not \"int\") to str");
        QTest::newRow("division by zero")
            << QStringLiteral("{{ 1 // 0 }}")
            << QStringLiteral("line 1: ZeroDivisionError: integer division or modulo by zero");
        QTest::newRow("tojson undefined")
            << QStringLiteral("{{ nothing | tojson }}")
            << QStringLiteral(
                   "line 1: TypeError: Object of type Undefined is not JSON serializable");
        QTest::newRow("tojson generator")
            << QStringLiteral("{{ msgs | map(attribute='role') | tojson }}")
            << QStringLiteral(
                   "line 1: TypeError: Object of type generator is not JSON serializable");
        QTest::newRow("unpack mismatch")
            << QStringLiteral("{% for a, b in [[1, 2, 3]] %}{% endfor %}")
            << QStringLiteral("line 1: too many values to unpack (expected 2)");
        QTest::newRow("break outside loop")
            << QStringLiteral("{% break %}") << QStringLiteral("line 1: 'break' outside of a loop");
        QTest::newRow("include refused")
            << QStringLiteral("{% include 'x' %}")
            << QStringLiteral("line 1: the 'include' tag is not supported in chat templates");
    }

    void errorsNameTheLine() {
        QFETCH(QString, source);
        QFETCH(QString, message);
        const auto r = render(source);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, conclave::ErrorCode::template_error);
        QCOMPARE(QString::fromStdString(r.error().message), message);
    }

    void hostileTemplatesFailFast_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("infinite macro recursion")
            << QStringLiteral("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}")
            << QStringLiteral("recursion too deep");
        QTest::newRow("huge range")
            << QStringLiteral("{% for i in range(1000000000) %}{% endfor %}")
            << QStringLiteral("Range too big");
        QTest::newRow("nested loops forever")
            << QStringLiteral("{% for a in range(100000) %}{% for b in range(100000) %}{% endfor "
                              "%}{% endfor %}")
            << QStringLiteral("step limit");
        QTest::newRow("string repetition")
            << QStringLiteral("{{ 'x' * 100000000 }}") << QStringLiteral("size limit");
        QTest::newRow("power of ten repetition")
            << QStringLiteral("{{ 'a' * 10**9 }}") << QStringLiteral("size limit");
        QTest::newRow("list repetition")
            << QStringLiteral("{{ [1] * 10**12 }}") << QStringLiteral("size limit");
        QTest::newRow("output bomb")
            << QStringLiteral("{% for i in range(100000) %}{{ 'y' * 1000 }}{% endfor %}")
            << QStringLiteral("limit");
        QTest::newRow("doubling string")
            << QStringLiteral("{% set ns = namespace(s='ab') %}{% for i in range(64) %}{% set ns.s "
                              "= ns.s ~ ns.s %}{% endfor %}")
            << QStringLiteral("exceeds the limit");
        QTest::newRow("deep parentheses")
            << QString(QStringLiteral("{{ ") + QString(5000, QLatin1Char('(')) +
                       QStringLiteral("1") + QString(5000, QLatin1Char(')')) +
                       QStringLiteral(" }}"))
            << QStringLiteral("nests too deeply");
        QTest::newRow("deep blocks") << QString(QStringLiteral("{% if true %}").repeated(3000) +
                                                QStringLiteral("{% endif %}").repeated(3000))
                                     << QStringLiteral("nests too deeply");
        QTest::newRow("deep lists")
            << QStringLiteral("{% set ns = namespace(l=[]) %}{% for i in range(10000) %}{% set "
                              "ns.l = [ns.l] %}{% endfor %}{{ ns.l }}")
            << QStringLiteral("nest too deeply");
        QTest::newRow("self-referencing namespace")
            << QStringLiteral("{% set ns = namespace() %}{% set ns.me = ns %}{{ ns }}")
            << QStringLiteral("too deeply");
        QTest::newRow("integer overflow")
            << QStringLiteral("{{ 2 ** 64 }}") << QStringLiteral("integer overflow");
    }

    void hostileTemplatesFailFast() {
        QFETCH(QString, source);
        QFETCH(QString, fragment);
        RenderLimits limits;
        limits.max_steps = 2'000'000;
        limits.max_output_bytes = 1u << 20;
        // The error names the limit that stopped it, which bounds the work done; how long
        // that takes is a benchmark question, not a test assertion.
        const auto r = render(source, limits);
        QVERIFY2(!r.ok(), "a hostile template rendered");
        QVERIFY2(QString::fromStdString(r.error().message).contains(fragment),
                 qPrintable(errorOf(r)));
    }

    void renderInputUsesTransformersVariables() {
        auto t = ChatTemplate::parse(
            "{{ bos_token }}{% for m in messages %}{{ m.role }}:{{ m.content }};{% endfor %}"
            "{{ tools | length }}{{ add_generation_prompt }}{{ enable_thinking }}{{ eos_token }}");
        QVERIFY(t.ok());
        auto input = chat_input_from_json(R"({"messages": [{"role": "user", "content": "hi"}],
            "tools": [{"type": "function"}], "vars": {"enable_thinking": false}})");
        QVERIFY(input.ok());
        input->bos_token = "<s>";
        input->eos_token = "</s>";
        input->add_generation_prompt = true;
        const auto r = t->render(*input);
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(QString::fromStdString(*r), QStringLiteral("<s>user:hi;1TrueFalse</s>"));
    }

    // The variables a template reads from its caller; expected sets from Jinja2's
    // meta.find_undeclared_variables on the same sources (its globals, like ours, excluded).
    void freeVariablesAreWhatTheCallerMustGive_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("plain") << "{{ a }}{{ b.c }}{{ d['e'] | upper }}" << QStringList{"a", "b", "d"};
        QTest::newRow("for binds its target")
            << "{% for m in messages %}{{ m.content }}{{ loop.index }}{% endfor %}{{ m }}"
            << QStringList{"m", "messages"};
        QTest::newRow("set after read") << "{{ x }}{% set x = 1 %}{{ x }}" << QStringList{"x"};
        QTest::newRow("set before read") << "{% set y = 1 %}{{ y }}" << QStringList{};
        QTest::newRow("defined test")
            << "{% if enable_thinking is defined and enable_thinking is false %}off{% endif %}"
            << QStringList{"enable_thinking"};
        QTest::newRow("macro params")
            << "{% macro f(p, q=r) %}{{ p }}{{ q }}{{ s }}{% endmacro %}{{ f(1) }}" << QStringList{"r", "s"};
        QTest::newRow("namespace") << "{% set ns = namespace(v=0) %}{% set ns.v = w %}{{ ns.v }}"
                                   << QStringList{"w"};
        QTest::newRow("strings and comments") << "{# enable_thinking #}{{ 'reasoning_effort' }}"
                                              << QStringList{};
        QTest::newRow("set in for does not leak")
            << "{% for i in items %}{% set t = i %}{% endfor %}{{ t }}" << QStringList{"items", "t"};
        QTest::newRow("filter block") << "{% filter upper %}{{ z }}{% endfilter %}" << QStringList{"z"};
        QTest::newRow("call block")
            << "{% macro m() %}{{ caller() }}{% endmacro %}{% call m() %}{{ u }}{% endcall %}"
            << QStringList{"u"};
    }

    void freeVariablesAreWhatTheCallerMustGive() {
        QFETCH(QString, source);
        QFETCH(QStringList, expected);
        const auto parsed = ChatTemplate::parse(source.toStdString());
        QVERIFY(parsed.ok());
        QStringList found;
        for (const std::string& name : parsed->free_variables()) found << QString::fromStdString(name);
        QCOMPARE(found, expected);
    }

    void parsedTemplateIsReusable() {
        auto t =
            ChatTemplate::parse("{% set ns = namespace(n=0) %}{% set ns.n = ns.n + 1 %}{{ ns.n }}");
        QVERIFY(t.ok());
        const ChatTemplate copy = *t;
        for (int i = 0; i < 3; ++i) {
            const auto r = copy.render_variables({});
            QVERIFY(r.ok());
            QCOMPARE(QString::fromStdString(*r), QStringLiteral("1"));
        }
    }
};

QTEST_GUILESS_MAIN(TestChatTemplate)
#include "test_chat_template.moc"
