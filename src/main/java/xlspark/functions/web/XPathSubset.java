package xlspark.functions.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import xlspark.functions.EvalContext;

/**
 * XPath 1.0 as FILTERXML needs it, evaluated by the engine itself over a parsed document so that every node
 * visited is charged to the row's budget (the JDK's XPath engine runs unmetered, and a query such as
 * {@code //*[//*[//*]]} is cubic in the document). Supported: location paths with every axis but namespace,
 * name tests, {@code *}, {@code node()}, {@code text()}, {@code comment()}, predicates, the operators
 * ({@code or and = != < <= > >= + - * div mod |}) and XPath's core functions of node sets, strings, booleans and
 * numbers. Not supported (a syntax error, #VALUE!): variables, namespace prefixes, the namespace axis and
 * functions outside XPath 1.0's core (no extension functions, so no way out of the document).
 */
final class XPathSubset {
  /** Longest expression accepted (characters) and deepest nesting of parentheses and predicates. */
  static final int MAX_LENGTH = 1_024;
  private static final int MAX_DEPTH = 64;

  /** A syntax error or an unsupported construct. */
  static final class XPathException extends Exception {
    XPathException(String message) {
      super(message);
    }
  }

  interface Expr {
    Object eval(Context c) throws XPathException;
  }

  /** The context of an evaluation: node, position, size, and the document's order and budget. */
  record Context(Node node, int position, int size, Doc doc) {
  }

  /** Document order of every node (attributes after their element) and the row's budget. */
  static final class Doc {
    final Map<Node, Integer> order = new IdentityHashMap<>();
    final EvalContext ctx;
    final Node root;

    Doc(Node root, EvalContext ctx) {
      this.root = root;
      this.ctx = ctx;
      int n = 0;
      Node x = root;
      while (x != null) {
        order.put(x, n++);
        NamedNodeMap attrs = x.getAttributes();
        if (attrs != null) {
          for (int i = 0; i < attrs.getLength(); i++) {
            order.put(attrs.item(i), n++);
          }
        }
        ctx.spend(1);
        x = next(x, root);
      }
    }

    /** The node after {@code x} in document order (descending first), null after the last one under root. */
    static Node next(Node x, Node root) {
      if (x.getFirstChild() != null) {
        return x.getFirstChild();
      }
      while (x != null && x != root) {
        if (x.getNextSibling() != null) {
          return x.getNextSibling();
        }
        x = x.getParentNode();
      }
      return null;
    }

    List<Node> sorted(Set<Node> nodes) {
      Node[] a = nodes.toArray(new Node[0]);
      ctx.spend(a.length);
      Arrays.sort(a, (p, q) -> Integer.compare(order.getOrDefault(p, -1), order.getOrDefault(q, -1)));
      return Arrays.asList(a);
    }
  }

  private final String src;
  private int pos;
  private int depth;

  private XPathSubset(String src) {
    this.src = src;
  }

  static Expr parse(String text) throws XPathException {
    if (text.length() > MAX_LENGTH) {
      throw new XPathException("XPath longer than " + MAX_LENGTH + " characters");
    }
    XPathSubset p = new XPathSubset(text);
    Expr e = p.orExpr();
    p.skipSpace();
    if (p.pos < text.length()) {
      throw new XPathException("unexpected '" + text.substring(p.pos, Math.min(text.length(), p.pos + 10)) + "'");
    }
    return e;
  }

  // ---- parser -------------------------------------------------------------------------------------------------

  private void skipSpace() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
  }

  private boolean eat(String s) {
    skipSpace();
    if (src.startsWith(s, pos)) {
      pos += s.length();
      return true;
    }
    return false;
  }

  /** An operator word ({@code and}, {@code or}, {@code div}, {@code mod}) not followed by a name character. */
  private boolean eatWord(String w) {
    skipSpace();
    int end = pos + w.length();
    if (src.startsWith(w, pos) && (end == src.length() || !nameChar(src.charAt(end)))) {
      pos = end;
      return true;
    }
    return false;
  }

  private static boolean nameStart(char ch) {
    return Character.isLetter(ch) || ch == '_';
  }

  private static boolean nameChar(char ch) {
    return Character.isLetterOrDigit(ch) || ch == '_' || ch == '-' || ch == '.';
  }

  private String name() throws XPathException {
    skipSpace();
    int start = pos;
    if (pos < src.length() && nameStart(src.charAt(pos))) {
      pos++;
      while (pos < src.length() && nameChar(src.charAt(pos))) {
        pos++;
      }
    }
    if (start == pos) {
      throw new XPathException("expected a name at position " + (pos + 1));
    }
    if (pos < src.length() && src.charAt(pos) == ':' && !src.startsWith("::", pos)) {
      throw new XPathException("namespace prefixes are not supported");
    }
    return src.substring(start, pos);
  }

  private void enter() throws XPathException {
    if (++depth > MAX_DEPTH) {
      throw new XPathException("XPath nested deeper than " + MAX_DEPTH);
    }
  }

  private Expr orExpr() throws XPathException {
    enter();
    Expr l = andExpr();
    while (eatWord("or")) {
      Expr a = l;
      Expr b = andExpr();
      l = c -> bool(a.eval(c)) || bool(b.eval(c));
    }
    depth--;
    return l;
  }

  private Expr andExpr() throws XPathException {
    Expr l = equality();
    while (eatWord("and")) {
      Expr a = l;
      Expr b = equality();
      l = c -> bool(a.eval(c)) && bool(b.eval(c));
    }
    return l;
  }

  private Expr equality() throws XPathException {
    Expr l = relational();
    while (true) {
      String op = eat("!=") ? "!=" : eat("=") ? "=" : null;
      if (op == null) {
        return l;
      }
      Expr a = l;
      Expr b = relational();
      l = c -> compare(op, a.eval(c), b.eval(c), c.doc());
    }
  }

  private Expr relational() throws XPathException {
    Expr l = additive();
    while (true) {
      String op = eat("<=") ? "<=" : eat(">=") ? ">=" : eat("<") ? "<" : eat(">") ? ">" : null;
      if (op == null) {
        return l;
      }
      Expr a = l;
      Expr b = additive();
      l = c -> compare(op, a.eval(c), b.eval(c), c.doc());
    }
  }

  private Expr additive() throws XPathException {
    Expr l = multiplicative();
    while (true) {
      char op = eat("+") ? '+' : eat("-") ? '-' : 0;
      if (op == 0) {
        return l;
      }
      Expr a = l;
      Expr b = multiplicative();
      l = op == '+' ? c -> num(a.eval(c)) + num(b.eval(c)) : c -> num(a.eval(c)) - num(b.eval(c));
    }
  }

  private Expr multiplicative() throws XPathException {
    Expr l = unary();
    while (true) {
      String op = eat("*") ? "*" : eatWord("div") ? "div" : eatWord("mod") ? "mod" : null;
      if (op == null) {
        return l;
      }
      Expr a = l;
      Expr b = unary();
      l = switch (op) {
        case "*" -> c -> num(a.eval(c)) * num(b.eval(c));
        case "div" -> c -> num(a.eval(c)) / num(b.eval(c));
        default -> c -> num(a.eval(c)) % num(b.eval(c));
      };
    }
  }

  private Expr unary() throws XPathException {
    if (eat("-")) {
      Expr e = unary();
      return c -> -num(e.eval(c));
    }
    Expr l = path();
    while (eat("|")) {
      Expr a = l;
      Expr b = path();
      l = c -> {
        Object x = a.eval(c);
        Object y = b.eval(c);
        if (!(x instanceof List<?> p) || !(y instanceof List<?> q)) {
          throw new XPathException("'|' joins node sets only");
        }
        Set<Node> all = new LinkedHashSet<>(nodes(p));
        all.addAll(nodes(q));
        return c.doc().sorted(all);
      };
    }
    return l;
  }

  /** A path: a location path, or a filter expression (primary with predicates) followed by steps. */
  private Expr path() throws XPathException {
    skipSpace();
    if (pos >= src.length()) {
      throw new XPathException("expression ends too early");
    }
    char ch = src.charAt(pos);
    List<Step> steps = new ArrayList<>();
    Expr start;
    if (ch == '/') {
      start = c -> List.of(c.doc().root);
      if (eat("//")) {
        steps.add(new Step("descendant-or-self", "node()", List.of()));
        steps.add(step());
      } else {
        eat("/");
        skipSpace();
        if (pos < src.length() && (nameStart(src.charAt(pos)) || "@*.".indexOf(src.charAt(pos)) >= 0)) {
          steps.add(step());
        }
      }
    } else if (ch == '(' || ch == '"' || ch == '\'' || Character.isDigit(ch)
        || (ch == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1))) || isCall()) {
      Expr primary = primary();
      List<Expr> preds = predicates();
      start = preds.isEmpty() ? primary : c -> filter(nodes(primary.eval(c), "a predicate"), preds, c.doc(), false);
      if (!(src.startsWith("/", skip()))) {
        return start;
      }
    } else if (ch == '$') {
      throw new XPathException("variables are not supported");
    } else {
      start = c -> List.of(c.node());
      steps.add(step());
    }
    while (true) {
      if (eat("//")) {
        steps.add(new Step("descendant-or-self", "node()", List.of()));
        steps.add(step());
      } else if (eat("/")) {
        steps.add(step());
      } else {
        break;
      }
    }
    Expr from = start;
    return c -> {
      List<Node> ctx = nodes(from.eval(c), "a path");
      for (Step s : steps) {
        ctx = s.apply(ctx, c.doc());
      }
      return ctx;
    };
  }

  private int skip() {
    skipSpace();
    return pos;
  }

  /** A name followed by '(' that is not a node type test: a function call. */
  private boolean isCall() {
    int p = pos;
    if (p >= src.length() || !nameStart(src.charAt(p))) {
      return false;
    }
    while (p < src.length() && nameChar(src.charAt(p))) {
      p++;
    }
    String n = src.substring(pos, p);
    while (p < src.length() && Character.isWhitespace(src.charAt(p))) {
      p++;
    }
    return p < src.length() && src.charAt(p) == '(' && !n.equals("node") && !n.equals("text")
        && !n.equals("comment") && !n.equals("processing-instruction");
  }

  private Expr primary() throws XPathException {
    skipSpace();
    char ch = src.charAt(pos);
    if (ch == '(') {
      pos++;
      Expr e = orExpr();
      if (!eat(")")) {
        throw new XPathException("missing ')'");
      }
      return e;
    }
    if (ch == '"' || ch == '\'') {
      int end = src.indexOf(ch, pos + 1);
      if (end < 0) {
        throw new XPathException("unclosed string");
      }
      String s = src.substring(pos + 1, end);
      pos = end + 1;
      return c -> s;
    }
    if (Character.isDigit(ch) || ch == '.') {
      int start = pos;
      while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
        pos++;
      }
      double d;
      try {
        d = Double.parseDouble(src.substring(start, pos));
      } catch (NumberFormatException e) {
        throw new XPathException("bad number " + src.substring(start, pos));
      }
      return c -> d;
    }
    String fn = name();
    eat("(");
    List<Expr> args = new ArrayList<>();
    if (!eat(")")) {
      do {
        args.add(orExpr());
      } while (eat(","));
      if (!eat(")")) {
        throw new XPathException("missing ')' after the arguments of " + fn);
      }
    }
    return XPathFunctions.call(fn, args);
  }

  private List<Expr> predicates() throws XPathException {
    List<Expr> preds = new ArrayList<>();
    while (eat("[")) {
      enter();
      preds.add(orExpr());
      depth--;
      if (!eat("]")) {
        throw new XPathException("missing ']'");
      }
    }
    return preds;
  }

  private static final Set<String> AXES = Set.of("ancestor", "ancestor-or-self", "attribute", "child", "descendant",
      "descendant-or-self", "following", "following-sibling", "parent", "preceding", "preceding-sibling", "self");

  private Step step() throws XPathException {
    if (eat("..")) {
      return new Step("parent", "node()", List.of());
    }
    if (eat(".")) {
      return new Step("self", "node()", List.of());
    }
    String axis = "child";
    if (eat("@")) {
      axis = "attribute";
    } else {
      int save = pos;
      skipSpace();
      if (pos < src.length() && nameStart(src.charAt(pos))) {
        int p = pos;
        while (p < src.length() && nameChar(src.charAt(p))) {
          p++;
        }
        String word = src.substring(pos, p);
        pos = p;
        if (eat("::")) {
          if (!AXES.contains(word)) {
            throw new XPathException("axis " + word + " is not supported");
          }
          axis = word;
        } else {
          pos = save;
        }
      } else {
        pos = save;
      }
    }
    String test;
    if (eat("*")) {
      test = "*";
    } else {
      String n = name();
      if (eat("(")) {
        if (!eat(")")) {
          throw new XPathException("node tests take no argument");
        }
        if (!n.equals("node") && !n.equals("text") && !n.equals("comment")) {
          throw new XPathException("node test " + n + "() is not supported");
        }
        test = n + "()";
      } else {
        test = n;
      }
    }
    return new Step(axis, test, predicates());
  }

  // ---- evaluation ---------------------------------------------------------------------------------------------

  /** One location step: axis, node test, predicates. */
  private record Step(String axis, String test, List<Expr> predicates) {
    List<Node> apply(List<Node> context, Doc doc) throws XPathException {
      Set<Node> out = new LinkedHashSet<>();
      boolean reverse = axis.startsWith("ancestor") || axis.startsWith("preceding") || axis.equals("parent");
      for (Node n : context) {
        List<Node> found = new ArrayList<>();
        axisNodes(n, doc, found);
        List<Node> kept = new ArrayList<>();
        for (Node x : found) {
          doc.ctx.spend(1);
          if (matches(x)) {
            kept.add(x);
          }
        }
        out.addAll(filter(kept, predicates, doc, reverse));
      }
      return doc.sorted(out);
    }

    private boolean matches(Node x) {
      short t = x.getNodeType();
      switch (test) {
        case "node()":
          return true;
        case "text()":
          return t == Node.TEXT_NODE || t == Node.CDATA_SECTION_NODE;
        case "comment()":
          return t == Node.COMMENT_NODE;
        case "*":
          return axis.equals("attribute") ? t == Node.ATTRIBUTE_NODE : t == Node.ELEMENT_NODE;
        default:
          return (axis.equals("attribute") ? t == Node.ATTRIBUTE_NODE : t == Node.ELEMENT_NODE)
              && x.getNodeName().equals(test);
      }
    }

    /** The axis's nodes in axis order (reverse axes nearest first). */
    private void axisNodes(Node n, Doc doc, List<Node> out) {
      switch (axis) {
        case "self" -> out.add(n);
        case "child" -> {
          for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            out.add(c);
          }
        }
        case "attribute" -> {
          NamedNodeMap m = n.getAttributes();
          for (int i = 0; m != null && i < m.getLength(); i++) {
            if (!m.item(i).getNodeName().startsWith("xmlns")) {
              out.add(m.item(i));
            }
          }
        }
        case "parent" -> {
          Node p = parent(n);
          if (p != null) {
            out.add(p);
          }
        }
        case "ancestor", "ancestor-or-self" -> {
          for (Node p = axis.equals("ancestor") ? parent(n) : n; p != null; p = parent(p)) {
            out.add(p);
          }
        }
        case "descendant", "descendant-or-self" -> {
          if (axis.equals("descendant-or-self")) {
            out.add(n);
          }
          if (n.getNodeType() != Node.ATTRIBUTE_NODE) {
            for (Node d = Doc.next(n, n); d != null; d = Doc.next(d, n)) {
              doc.ctx.spend(1);
              out.add(d);
            }
          }
        }
        case "following-sibling", "preceding-sibling" -> {
          if (n.getNodeType() != Node.ATTRIBUTE_NODE) {
            boolean next = axis.startsWith("following");
            for (Node s = next ? n.getNextSibling() : n.getPreviousSibling(); s != null;
                 s = next ? s.getNextSibling() : s.getPreviousSibling()) {
              out.add(s);
            }
          }
        }
        case "following" -> {
          Node start = n.getNodeType() == Node.ATTRIBUTE_NODE ? ((Attr) n).getOwnerElement() : n;
          Node x = start;
          while (x != null && x.getNextSibling() == null) {
            x = x.getParentNode();
          }
          for (Node f = x == null ? null : x.getNextSibling(); f != null; f = Doc.next(f, doc.root)) {
            doc.ctx.spend(1);
            out.add(f);
          }
        }
        case "preceding" -> {
          // Every node before n in document order that is not one of its ancestors, nearest first.
          Set<Node> ancestors = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
          for (Node p = parent(n); p != null; p = parent(p)) {
            ancestors.add(p);
          }
          int mine = doc.order.getOrDefault(n, 0);
          List<Node> before = new ArrayList<>();
          for (Node x = doc.root; x != null; x = Doc.next(x, doc.root)) {
            doc.ctx.spend(1);
            if (doc.order.getOrDefault(x, 0) >= mine) {
              break;
            }
            if (!ancestors.contains(x)) {
              before.add(x);
            }
          }
          for (int i = before.size() - 1; i >= 0; i--) {
            out.add(before.get(i));
          }
        }
        default -> throw new IllegalStateException(axis);
      }
    }
  }

  static Node parent(Node n) {
    return n.getNodeType() == Node.ATTRIBUTE_NODE ? ((Attr) n).getOwnerElement() : n.getParentNode();
  }

  /** Applies predicates in turn; a number predicate selects by position (axis order). */
  static List<Node> filter(List<Node> nodes, List<Expr> preds, Doc doc, boolean reverse) throws XPathException {
    List<Node> cur = nodes;
    for (Expr p : preds) {
      List<Node> next = new ArrayList<>();
      for (int i = 0; i < cur.size(); i++) {
        Object v = p.eval(new Context(cur.get(i), i + 1, cur.size(), doc));
        boolean keep = v instanceof Double d ? d == i + 1 : bool(v);
        if (keep) {
          next.add(cur.get(i));
        }
      }
      cur = next;
    }
    return cur;
  }

  // ---- conversions (XPath 1.0 section 4) -----------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  static List<Node> nodes(Object v) {
    return (List<Node>) v;
  }

  static List<Node> nodes(Object v, String where) throws XPathException {
    if (!(v instanceof List<?>)) {
      throw new XPathException(where + " needs a node set");
    }
    return nodes(v);
  }

  static String string(Node n) {
    short t = n.getNodeType();
    if (t == Node.ELEMENT_NODE || t == Node.DOCUMENT_NODE) {
      StringBuilder sb = new StringBuilder();
      for (Node d = Doc.next(n, n); d != null; d = Doc.next(d, n)) {
        if (d.getNodeType() == Node.TEXT_NODE || d.getNodeType() == Node.CDATA_SECTION_NODE) {
          sb.append(d.getNodeValue());
        }
      }
      return sb.toString();
    }
    return n.getNodeValue() == null ? "" : n.getNodeValue();
  }

  static String str(Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Boolean b) {
      return b.toString();
    }
    if (v instanceof Double d) {
      if (d.isNaN()) {
        return "NaN";
      }
      if (d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) {
        return Long.toString(d.longValue());
      }
      return d.isInfinite() ? (d > 0 ? "Infinity" : "-Infinity") : java.math.BigDecimal.valueOf(d).toPlainString();
    }
    List<Node> ns = nodes(v);
    return ns.isEmpty() ? "" : string(ns.get(0));
  }

  static double num(Object v) {
    if (v instanceof Double d) {
      return d;
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    String s = str(v).strip();
    if (!s.matches("-?(\\d+(\\.\\d*)?|\\.\\d+)")) {
      return Double.NaN;
    }
    return Double.parseDouble(s);
  }

  static boolean bool(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Double d) {
      return d != 0 && !d.isNaN();
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    return !nodes(v).isEmpty();
  }

  /** XPath comparison: node sets compare by any member's string (or number) value. */
  static boolean compare(String op, Object a, Object b, Doc doc) {
    if (a instanceof List<?> p) {
      for (Node n : nodes(p)) {
        doc.ctx.spend(1);
        if (compare(op, string(n), b, doc)) {
          return true;
        }
      }
      return false;
    }
    if (b instanceof List<?> q) {
      for (Node n : nodes(q)) {
        doc.ctx.spend(1);
        if (compare(op, a, string(n), doc)) {
          return true;
        }
      }
      return false;
    }
    if (op.equals("=") || op.equals("!=")) {
      boolean eq;
      if (a instanceof Boolean || b instanceof Boolean) {
        eq = bool(a) == bool(b);
      } else if (a instanceof Double || b instanceof Double) {
        eq = num(a) == num(b);
      } else {
        eq = str(a).equals(str(b));
      }
      return op.equals("=") == eq;
    }
    double x = num(a);
    double y = num(b);
    return switch (op) {
      case "<" -> x < y;
      case "<=" -> x <= y;
      case ">" -> x > y;
      default -> x >= y;
    };
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
