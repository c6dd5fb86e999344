"""What a student sees in place of a code solution: a prompt and a stub per name.

A stub is built from names only, never from the solution's text: a name the
solution assigns becomes ``name = ...``; a function it defines keeps its name
and parameter names, with ``...`` for every default value and no annotations
or decorators:

>>> solution = ["@cache", "def share(part: float, whole=5944.97, *, pct=True) -> float:",
...             "    return part / whole"]
>>> print("\\n".join(stub_lines(solution, "", "demo")))
# Your code here
def share(part, whole=..., *, pct=...):
    return ...

Nothing else from the block (values, class bodies, lambda bodies, walrus or
augmented assignments' right-hand sides) reaches the stub.
"""

from __future__ import annotations

import ast
import textwrap

from pkedu.release.errors import ReleaseError

__all__ = ["CODE_PROMPT", "assigned_names", "stub_lines", "signature"]

CODE_PROMPT = "# Your code here"


def signature(args: ast.arguments) -> str:
    """A function's parameters with names only: ``...`` for defaults, no annotations.

    >>> signature(ast.parse("def f(a: int, /, b=1, *r, c=lambda: 2, d, **kw): 0").body[0].args)
    'a, /, b=..., *r, c=..., d, **kw'
    """
    def bare(arg: ast.arg | None) -> ast.arg | None:
        return None if arg is None else ast.arg(arg=arg.arg)

    def hidden(default: ast.expr | None) -> ast.expr | None:
        return None if default is None else ast.Constant(value=Ellipsis)

    clean = ast.arguments(
        posonlyargs=[ast.arg(arg=a.arg) for a in args.posonlyargs],
        args=[ast.arg(arg=a.arg) for a in args.args],
        vararg=bare(args.vararg),
        kwonlyargs=[ast.arg(arg=a.arg) for a in args.kwonlyargs],
        kw_defaults=[hidden(d) for d in args.kw_defaults],
        kwarg=bare(args.kwarg),
        defaults=[ast.Constant(value=Ellipsis) for _ in args.defaults],
    )
    return ast.unparse(clean)


class _Bindings(ast.NodeVisitor):
    """Names a block binds in its own scope, in order; loop variables and imports excluded."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []  # (name, stub line without indent)
        self.returns = False

    def _add(self, name: str, stub: str) -> None:
        if name not in (n for n, _ in self.items):
            self.items.append((name, stub))

    def visit_Name(self, node: ast.Name) -> None:
        if isinstance(node.ctx, ast.Store):
            self._add(node.id, f"{node.id} = ...")

    def _capture(self, name: str | None) -> None:
        if name:
            self._add(name, f"{name} = ...")

    def visit_MatchAs(self, node: ast.MatchAs) -> None:
        self._capture(node.name)
        self.generic_visit(node)

    def visit_MatchStar(self, node: ast.MatchStar) -> None:
        self._capture(node.name)

    def visit_MatchMapping(self, node: ast.MatchMapping) -> None:
        self.generic_visit(node)
        self._capture(node.rest)

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        prefix = "async def" if isinstance(node, ast.AsyncFunctionDef) else "def"
        self._add(node.name, f"{prefix} {node.name}({signature(node.args)}):\n    return ...")

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._add(node.name, f"{node.name} = ...")

    def visit_For(self, node: ast.For | ast.AsyncFor) -> None:
        for child in (node.iter, *node.body, *node.orelse):
            self.visit(child)

    visit_AsyncFor = visit_For  # type: ignore[assignment]

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self.visit(node.target)
            self.visit(node.value)

    def visit_Return(self, node: ast.Return) -> None:
        self.returns = True

    def _skip(self, node: ast.AST) -> None:
        """Imports and inner scopes (lambdas, comprehensions) bind nothing we stub."""

    visit_Import = visit_ImportFrom = visit_Lambda = _skip
    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = _skip


def _parse(code: str, where: str) -> ast.Module:
    try:
        return ast.parse(code)
    except SyntaxError as first:
        try:  # IPython syntax (%magics, !shell) is fine in a notebook
            from IPython.core.inputtransformer2 import TransformerManager

            return ast.parse(TransformerManager().transform_cell(code))
        except (ImportError, SyntaxError):
            raise ReleaseError(f"{where}: the solution is not valid Python (line "
                               f"{first.lineno} of the solution: {first.msg})") from None


def _bindings(block: str, where: str) -> _Bindings:
    visitor = _Bindings()
    visitor.visit(_parse(textwrap.dedent(block), where))
    return visitor


def assigned_names(code: str, where: str = "solution") -> list[str]:
    """The names a solution block binds at its own level, in order of appearance.

    Loop variables, imports and names inside functions do not count.

    >>> assigned_names("a, (b, *c) = f()\\nfor i in x:\\n    total += i\\ndef g(y=1):\\n    z = y")
    ['a', 'b', 'c', 'total', 'g']
    """
    return [name for name, _ in _bindings(code, where).items]


def stub_lines(block: list[str], indent: str, where: str) -> list[str]:
    """The lines that replace a solution block: the prompt, then one stub per name.

    ``indent`` is the markers' indentation; an indented block never ends up empty:

    >>> stub_lines(["    print(c)"], "    ", "demo")
    ['    # Your code here', '    ...']
    """
    visitor = _bindings("\n".join(block), where)
    lines = [indent + CODE_PROMPT]
    for _name, stub in visitor.items:
        lines += [indent + line for line in stub.splitlines()]
    if visitor.returns:
        lines.append(indent + "return ...")
    if indent and len(lines) == 1:  # an indented block must not be left empty
        lines.append(indent + "...")
    return lines
