package xlspark.safety;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What a class file refers to, read from its constant pool: the classes it names and the methods and fields
 * it uses ({@code owner.name}). Enough to prove what code can reach without running it.
 */
record ConstantPool(List<String> classes, List<String> members) {

  static ConstantPool read(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(in);
    if (d.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    d.readUnsignedShort();
    d.readUnsignedShort();
    int n = d.readUnsignedShort();
    String[] utf8 = new String[n];
    int[] classIndex = new int[n];
    int[][] refs = new int[n][];
    int[][] nameAndType = new int[n][];
    for (int i = 1; i < n; i++) {
      int tag = d.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = d.readUTF();
        case 7 -> classIndex[i] = d.readUnsignedShort();
        case 8, 16, 19, 20 -> d.readUnsignedShort();
        case 3, 4 -> d.readInt();
        case 5, 6 -> {
          d.readLong();
          i++;
        }
        case 9, 10, 11 -> refs[i] = new int[] {d.readUnsignedShort(), d.readUnsignedShort()};
        case 12 -> nameAndType[i] = new int[] {d.readUnsignedShort(), d.readUnsignedShort()};
        case 15 -> {
          d.readUnsignedByte();
          d.readUnsignedShort();
        }
        case 17, 18 -> {
          d.readUnsignedShort();
          d.readUnsignedShort();
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    List<String> classes = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      if (classIndex[i] != 0) {
        classes.add(utf8[classIndex[i]]);
      }
    }
    List<String> members = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      if (refs[i] != null) {
        int[] nt = nameAndType[refs[i][1]];
        members.add(utf8[classIndex[refs[i][0]]] + "." + utf8[nt[0]]);
      }
    }
    // Descriptors name classes too (a parameter of type File needs no Class constant).
    for (String s : utf8) {
      if (s != null && (s.startsWith("(") || s.startsWith("L") && s.endsWith(";"))) {
        int at = s.indexOf('L');
        while (at >= 0) {
          int end = s.indexOf(';', at);
          if (end < 0) {
            break;
          }
          classes.add(s.substring(at + 1, end));
          at = s.indexOf('L', end);
        }
      }
    }
    return new ConstantPool(classes, members);
  }
}
