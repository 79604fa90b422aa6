package xlspark.functions.web;

import java.util.List;
import org.w3c.dom.Node;
import xlspark.functions.web.XPathSubset.Context;
import xlspark.functions.web.XPathSubset.Expr;
import xlspark.functions.web.XPathSubset.XPathException;

/** The core function library of XPath 1.0 (section 4), the only functions a FILTERXML query may call. */
final class XPathFunctions {
  private XPathFunctions() {
  }

  /** A call of {@code name} on {@code args}; an unknown function or a wrong argument count is an error. */
  static Expr call(String name, List<Expr> args) throws XPathException {
    int n = args.size();
    switch (name) {
      case "last":
        arity(name, n, 0, 0);
        return c -> (double) c.size();
      case "position":
        arity(name, n, 0, 0);
        return c -> (double) c.position();
      case "count":
        arity(name, n, 1, 1);
        return c -> (double) XPathSubset.nodes(args.get(0).eval(c), "count").size();
      case "name":
      case "local-name":
        arity(name, n, 0, 1);
        return c -> {
          List<Node> ns = n == 0 ? List.of(c.node()) : XPathSubset.nodes(args.get(0).eval(c), name);
          if (ns.isEmpty()) {
            return "";
          }
          Node x = ns.get(0);
          short t = x.getNodeType();
          if (t != Node.ELEMENT_NODE && t != Node.ATTRIBUTE_NODE) {
            return "";
          }
          String qn = x.getNodeName();
          return name.equals("name") ? qn : qn.substring(qn.indexOf(':') + 1);
        };
      case "string":
        arity(name, n, 0, 1);
        return c -> n == 0 ? XPathSubset.string(c.node()) : XPathSubset.str(args.get(0).eval(c));
      case "concat":
        arity(name, n, 2, 255);
        return c -> {
          StringBuilder sb = new StringBuilder();
          for (Expr e : args) {
            sb.append(XPathSubset.str(e.eval(c)));
            c.doc().ctx.spend(sb.length());
          }
          return sb.toString();
        };
      case "starts-with":
        arity(name, n, 2, 2);
        return c -> str(args, 0, c).startsWith(str(args, 1, c));
      case "contains":
        arity(name, n, 2, 2);
        return c -> {
          String s = str(args, 0, c);
          c.doc().ctx.spend(s.length());
          return s.contains(str(args, 1, c));
        };
      case "substring-before":
      case "substring-after":
        arity(name, n, 2, 2);
        return c -> {
          String s = str(args, 0, c);
          String t = str(args, 1, c);
          int i = s.indexOf(t);
          if (i < 0) {
            return "";
          }
          return name.endsWith("before") ? s.substring(0, i) : s.substring(i + t.length());
        };
      case "substring":
        arity(name, n, 2, 3);
        return c -> substring(str(args, 0, c), XPathSubset.num(args.get(1).eval(c)),
            n == 3 ? XPathSubset.num(args.get(2).eval(c)) : Double.POSITIVE_INFINITY);
      case "string-length":
        arity(name, n, 0, 1);
        return c -> (double) (n == 0 ? XPathSubset.string(c.node()) : str(args, 0, c)).length();
      case "normalize-space":
        arity(name, n, 0, 1);
        return c -> (n == 0 ? XPathSubset.string(c.node()) : str(args, 0, c)).strip().replaceAll("\\s+", " ");
      case "translate":
        arity(name, n, 3, 3);
        return c -> translate(str(args, 0, c), str(args, 1, c), str(args, 2, c));
      case "boolean":
        arity(name, n, 1, 1);
        return c -> XPathSubset.bool(args.get(0).eval(c));
      case "not":
        arity(name, n, 1, 1);
        return c -> !XPathSubset.bool(args.get(0).eval(c));
      case "true":
        arity(name, n, 0, 0);
        return c -> Boolean.TRUE;
      case "false":
        arity(name, n, 0, 0);
        return c -> Boolean.FALSE;
      case "number":
        arity(name, n, 0, 1);
        return c -> n == 0 ? XPathSubset.num(XPathSubset.string(c.node())) : XPathSubset.num(args.get(0).eval(c));
      case "sum":
        arity(name, n, 1, 1);
        return c -> {
          double s = 0;
          for (Node x : XPathSubset.nodes(args.get(0).eval(c), "sum")) {
            s += XPathSubset.num(XPathSubset.string(x));
          }
          return s;
        };
      case "floor":
        arity(name, n, 1, 1);
        return c -> Math.floor(XPathSubset.num(args.get(0).eval(c)));
      case "ceiling":
        arity(name, n, 1, 1);
        return c -> Math.ceil(XPathSubset.num(args.get(0).eval(c)));
      case "round":
        arity(name, n, 1, 1);
        return c -> {
          double d = XPathSubset.num(args.get(0).eval(c));
          return Double.isNaN(d) || Double.isInfinite(d) ? d : Math.floor(d + 0.5);
        };
      default:
        throw new XPathException("function " + name + "() is not supported");
    }
  }

  private static void arity(String name, int n, int min, int max) throws XPathException {
    if (n < min || n > max) {
      throw new XPathException(name + "() takes " + (min == max ? String.valueOf(min) : min + " to " + max)
          + " arguments");
    }
  }

  private static String str(List<Expr> args, int i, Context c) throws XPathException {
    return XPathSubset.str(args.get(i).eval(c));
  }

  /** XPath's substring: 1-based, rounded positions, characters whose position p is start <= p < start + length. */
  private static String substring(String s, double start, double length) {
    double from = Math.floor(start + 0.5);
    double to = from + Math.floor(length + 0.5);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      double p = i + 1;
      if (p >= from && p < to) {
        sb.append(s.charAt(i));
      }
    }
    return sb.toString();
  }

  private static String translate(String s, String from, String to) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      int k = from.indexOf(ch);
      if (k < 0) {
        sb.append(ch);
      } else if (k < to.length()) {
        sb.append(to.charAt(k));
      }
    }
    return sb.toString();
  }
}
