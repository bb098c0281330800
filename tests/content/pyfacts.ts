/**
 * Facts read from the hub's Python blocks with Python's own `ast` module (one python3 run for
 * all blocks): model classes, `shop.models` imports, dict literals that look like error bodies,
 * order and payment status values, and request bodies posted to literal API paths.
 */
import { spawnSync } from 'node:child_process';
import type { CodeBlock } from './helpers';

/** A value read from Python source: literals as JSON, anything computed as the string `<expr>`. */
export type PyValue = null | boolean | number | string | PyValue[] | { [key: string]: PyValue };

export type PyFacts = {
  /** Classes that subclass something named `...Model` (Django models), with their field names. */
  models: { name: string; fields: string[]; block: number }[];
  /** Names imported from `shop.models`, or from `.models` in a block whose header is `# shop/...`. */
  imports: { name: string; block: number; line: number }[];
  /** `apps.get_model("shop", "X")` and `ForeignKey("shop.X")` string references. */
  stringRefs: { name: string; block: number; line: number }[];
  /** Dict literals with an `error` key, an inner envelope (`code` and `message`), or `detail` (the old shape). */
  errorDicts: { value: PyValue; block: number; line: number }[];
  /** `Status` choices declared inside `class Order` / `class Payment`: values. */
  statusChoices: { model: string; values: string[]; block: number; line: number }[];
  /** Literal order states used in code: `Order.Status.X`, `OrderFactory(status=...)`, `order.status == ...`. */
  orderStates: { value: string; block: number; line: number }[];
  /** `<client>.post|patch|put("<path>", {...})` calls with a literal (or f-string) path and body. */
  requests: { method: string; path: string; body: PyValue; block: number; line: number }[];
};

const EXTRACT = String.raw`
import ast, json, sys

EXPR = "<expr>"

def value(node):
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, (str, int, float, bool)) or node.value is None else EXPR
    if isinstance(node, ast.Dict):
        out = {}
        for k, v in zip(node.keys, node.values):
            if isinstance(k, ast.Constant) and isinstance(k.value, str):
                out[k.value] = value(v)
        return out
    if isinstance(node, (ast.List, ast.Tuple)):
        return [value(e) for e in node.elts]
    return EXPR

def path_of(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = []
        for v in node.values:
            parts.append(v.value if isinstance(v, ast.Constant) else "{x}")
        return "".join(parts)
    return None

def base_names(cls):
    names = []
    for b in cls.bases:
        if isinstance(b, ast.Name):
            names.append(b.id)
        elif isinstance(b, ast.Attribute):
            names.append(b.attr)
    return names

facts = {k: [] for k in ["models", "imports", "stringRefs", "errorDicts", "statusChoices", "orderStates", "requests"]}
for index, path in enumerate(sys.argv[1:]):
    src = open(path, encoding="utf-8").read()
    try:
        tree = ast.parse(src)
    except SyntaxError:
        continue
    header = src.lstrip().splitlines()[0] if src.strip() else ""
    shop_block = header.startswith("# shop/")
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            if any(n.endswith("Model") and n != "DjangoModelFactory" for n in base_names(node)):
                fields = []
                for stmt in node.body:
                    if isinstance(stmt, ast.Assign):
                        fields += [t.id for t in stmt.targets if isinstance(t, ast.Name)]
                facts["models"].append({"name": node.name, "fields": fields, "block": index})
            if node.name in ("Order", "Payment"):
                for stmt in node.body:
                    if isinstance(stmt, ast.ClassDef) and stmt.name == "Status":
                        values = []
                        for a in stmt.body:
                            if isinstance(a, ast.Assign):
                                v = value(a.value)
                                if isinstance(v, list) and v:
                                    v = v[0]
                                if isinstance(v, str):
                                    values.append(v)
                        facts["statusChoices"].append({"model": node.name, "values": values, "block": index, "line": stmt.lineno})
        elif isinstance(node, ast.ImportFrom):
            if node.module == "shop.models" or (node.module == "models" and node.level == 1 and shop_block):
                for alias in node.names:
                    facts["imports"].append({"name": alias.name, "block": index, "line": node.lineno})
        elif isinstance(node, ast.Dict):
            v = value(node)
            if isinstance(v, dict) and ("error" in v or "detail" in v or ("code" in v and "message" in v)):
                facts["errorDicts"].append({"value": v, "block": index, "line": node.lineno})
        elif isinstance(node, ast.Attribute):
            inner = node.value
            if isinstance(inner, ast.Attribute) and inner.attr == "Status" and isinstance(inner.value, ast.Name) and inner.value.id == "Order":
                facts["orderStates"].append({"value": node.attr.lower(), "block": index, "line": node.lineno})
        elif isinstance(node, ast.Compare):
            left = node.left
            if isinstance(left, ast.Attribute) and left.attr == "status" and isinstance(left.value, ast.Name) and left.value.id == "order":
                for c in node.comparators:
                    if isinstance(c, ast.Constant) and isinstance(c.value, str):
                        facts["orderStates"].append({"value": c.value, "block": index, "line": node.lineno})
        if isinstance(node, ast.Call):
            func = node.func
            fname = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if fname == "OrderFactory":
                for kw in node.keywords:
                    if kw.arg == "status" and isinstance(kw.value, ast.Constant):
                        facts["orderStates"].append({"value": kw.value.value, "block": index, "line": node.lineno})
            if fname == "get_model" and len(node.args) == 2 and isinstance(node.args[1], ast.Constant) and value(node.args[0]) == "shop":
                facts["stringRefs"].append({"name": node.args[1].value, "block": index, "line": node.lineno})
            if fname in ("ForeignKey", "OneToOneField", "ManyToManyField") and node.args:
                target = value(node.args[0])
                if isinstance(target, str) and target.startswith("shop."):
                    facts["stringRefs"].append({"name": target.split(".", 1)[1], "block": index, "line": node.lineno})
            if fname in ("post", "patch", "put") and isinstance(func, ast.Attribute) and len(node.args) >= 2:
                p = path_of(node.args[0])
                body = value(node.args[1])
                if p is not None and isinstance(body, dict):
                    facts["requests"].append({"method": fname.upper(), "path": p, "body": body, "block": index, "line": node.lineno})
print(json.dumps(facts))
`;

/** Runs the extractor over the given blocks (already written to `files`, in the same order). */
export function readPyFacts(files: string[]): PyFacts {
  const run = spawnSync('python3', ['-c', EXTRACT, ...files], { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
  if (run.error || run.status !== 0) {
    throw new Error(`python3 could not read the hub's Python blocks: ${run.error?.message ?? run.stderr}`);
  }
  return JSON.parse(run.stdout) as PyFacts;
}

/** The line in the markdown doc of a line inside a block (the fence is the block's first line). */
export const docLine = (block: CodeBlock, lineInBlock: number): number => block.line + lineInBlock;
