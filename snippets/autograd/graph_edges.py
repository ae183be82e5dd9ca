import torch

w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0], requires_grad=True)
y = (w + x) * (w + 1)


# Walk the recorded graph from the root back to the leaves
def show(fn, depth=0):
    print("  " * depth + type(fn).__name__)
    for child, _ in fn.next_functions:
        if child is not None:
            show(child, depth + 1)


show(y.grad_fn)
# AccumulateGrad is the node that writes into a leaf's .grad
leaf_node = y.grad_fn.next_functions[0][0].next_functions[0][0]
print(f"AccumulateGrad.variable is w: {leaf_node.variable is w}")
